import "../support/next-runtime";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { issueCertificates } from "@/lib/server/certs/issue-certificates";
import { matchPersonSubject } from "@/lib/server/certs/match-person-subject";
import { SUBJECT_MATCH_LIMITS } from "@/lib/server/certs/match-person-subject.types";
import { parseCertificate } from "@/lib/pki/x509/certificate-input";
import { nameAttribute } from "@/lib/pki/x509/name";
import { OID } from "@/lib/pki/oids";
import { POST } from "@/app/api/v1/subjects/match/route";
import { createUser } from "../support/factories";
import { createPlatform } from "../support/platform-fixtures";
import { callRoute } from "../support/route-request";
import { uniqueIdNumber } from "../support/review-fixtures";
import { phoneKeygen } from "./certs-support";

async function certifiedPerson(idNumber = uniqueIdNumber()) {
  const user = await createUser();
  const a = await phoneKeygen(user.id);
  const b = await phoneKeygen(user.id);
  const pair = await issueCertificates({ userId: user.id, keyShares: { sign: a.keyShareId, encrypt: b.keyShareId }, subject: { type: "INDIVIDUAL", name: "王五", idNumber }, years: 1 });
  const dnSerialNumber = nameAttribute(parseCertificate(pair.sign.der).subject, OID.serialNumber);
  return { user, idNumber, pair, dnSerialNumber };
}

/** The holder identified to the platform (a completed login scan with the signing certificate). */
async function completedScan(platformId: string, person: Awaited<ReturnType<typeof certifiedPerson>>) {
  await db.scanRequest.create({
    data: {
      platformId,
      type: "LOGIN",
      status: "COMPLETED",
      tokenHash: randomBytes(16).toString("hex"),
      payload: {},
      userId: person.user.id,
      certificateId: person.pair.sign.id,
      expiresAt: new Date(Date.now() + 60_000),
      completedAt: new Date(),
    },
  });
}

const post = (authorization: string | undefined, body: unknown) =>
  callRoute(
    POST,
    new Request("http://localhost/api/v1/subjects/match", {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(body),
    }),
    {},
  );

describe("POST /api/v1/subjects/match", () => {
  it("gives a platform the DN serialNumber of a person who identified to it, by the ID number it holds; nobody else's", async () => {
    const { platform, authorization } = await createPlatform();
    const met = await certifiedPerson();
    const stranger = await certifiedPerson();
    await completedScan(platform.id, met);
    expect(met.dnSerialNumber).toMatch(/^[0-9A-F]{32}$/);

    const ok = await post(authorization, { idNumber: met.idNumber.toLowerCase() });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ subjectId: met.dnSerialNumber });
    // Certified, but never met this platform; and a number nobody was certified under: the same 404.
    for (const idNumber of [stranger.idNumber, uniqueIdNumber()]) {
      const refused = await post(authorization, { idNumber });
      expect(refused.status).toBe(404);
      expect((await refused.json()).error.code).toBe("not_found");
    }
    // Another platform the person never used learns nothing either.
    const other = await createPlatform();
    expect((await post(other.authorization, { idNumber: met.idNumber })).status).toBe(404);

    expect((await post(authorization, { idNumber: "110105199002196364" })).status).toBe(422); // bad check character
    expect((await post(undefined, { idNumber: met.idNumber })).status).toBe(401);

    const audit = await db.auditLog.findMany({ where: { action: "certificate.subject_matched", targetId: platform.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => (a.data as { matched: boolean }).matched)).toEqual([true, false, false]);
    for (const row of audit) expect(JSON.stringify(row.data)).not.toContain(met.idNumber);
  });

  it("the identifier survives a renewal: the next pair for the same number has the same serialNumber", async () => {
    const first = await certifiedPerson();
    const second = await certifiedPerson(first.idNumber);
    expect(second.dnSerialNumber).toBe(first.dnSerialNumber);
  });

  it(`lets exactly ${SUBJECT_MATCH_LIMITS[0]!.max} of ${SUBJECT_MATCH_LIMITS[0]!.max + 20} parallel calls of one platform through in a minute`, async () => {
    const { platform } = await createPlatform();
    const person = await certifiedPerson();
    await completedScan(platform.id, person);
    const max = SUBJECT_MATCH_LIMITS[0]!.max;
    const outcomes = await Promise.allSettled(Array.from({ length: max + 20 }, () => matchPersonSubject({ platformId: platform.id, idNumber: person.idNumber })));
    const answered = outcomes.filter((o) => o.status === "fulfilled");
    const limited = outcomes.filter((o) => o.status === "rejected" && (o.reason as { code?: string }).code === "rate_limited");
    expect(answered.length).toBe(max);
    expect(limited.length).toBe(20);
    for (const o of answered) expect((o as PromiseFulfilledResult<{ subjectId: string }>).value.subjectId).toBe(person.dnSerialNumber);
    // Refused before the lookup: only the answered calls are on record.
    expect(await db.auditLog.count({ where: { action: "certificate.subject_matched", targetId: platform.id } })).toBe(max);
  });
});
