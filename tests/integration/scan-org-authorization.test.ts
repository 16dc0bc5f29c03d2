// Issue 12: a scan with an enterprise certificate honours the organization's per-platform
// authorizations, on the phone (refusal at open) and in every step that can produce a result.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encrypt as sm2Encrypt } from "@/lib/pki/sm2-encrypt";
import { startSign } from "@/lib/pki/two-party";
import { db } from "@/lib/db/client";
import { runDueJobs } from "@/lib/server/jobs/run-jobs";
import { createScanRequest } from "@/lib/server/scan/create-scan-request";
import { ZCreateScanRequestSchema } from "@/lib/server/scan/scan.types";
import { openScanForPhone } from "@/lib/server/scan/open-scan-for-phone";
import { signForScan } from "@/lib/server/scan/sign-for-scan";
import { completePhoneScan } from "@/lib/server/scan/complete-phone-scan";
import { claimScanHalf } from "@/lib/server/scan/claim-scan-half";
import { getPlatformScanRequest } from "@/lib/server/scan/get-platform-scan-request";
import { platformAuthorizationFor } from "@/lib/server/org/check-platform-authorization";
import { createPlatform } from "../support/platform-fixtures";
import { expectAppError } from "../support/expect-app-error";
import { PIN, holderWithCertificates, scanDecrypt, scanLogin } from "./scan-phone-support";
import { authorize, createOrg, enterpriseHolder, removeMember, revokeAuthorization } from "./scan-org-support";

type Holder = Awaited<ReturnType<typeof holderWithCertificates>>;
const tokenOf = (qrContent: string) => qrContent.split("/m/s/")[1]!;
const NOT_AUTHORIZED = "scanner.errors.notAuthorizedForPlatform";

/** A real receiver on 127.0.0.1 for the platforms' webhooks: what the platform is told. */
const delivered: Array<{ data: { id: string; status: string; failReason: string | null } }> = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    delivered.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
    res.writeHead(200).end();
  });
});
let webhookUrl = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

async function request(platformId: string, body: Record<string, unknown>) {
  return createScanRequest({ platformId, input: ZCreateScanRequestSchema.parse(body) });
}

async function login(holder: Holder, platformId: string) {
  const challenge = `login-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;
  const req = await request(platformId, { type: "login", challenge });
  const opened = await openScanForPhone({ userId: holder.user.id, token: tokenOf(req.qrContent) });
  return { req, opened, challenge };
}

async function loginCompletes(holder: Holder, platformId: string) {
  const { req, opened, challenge } = await login(holder, platformId);
  expect(opened.refused).toBeNull();
  expect(opened.certificates.find((c) => c.id === holder.sign.cert.id)).toMatchObject({ authorized: true, refusal: null });
  await completePhoneScan({ userId: holder.user.id, id: req.id, input: { certificateId: holder.sign.cert.id, result: await scanLogin(holder, req.id, challenge, PIN) } });
  expect((await getPlatformScanRequest({ platformId, id: req.id })).status).toBe("completed");
}

const refusedRows = (id: string) => db.auditLog.findMany({ where: { action: "scan.refused", targetId: id } });
const halves = (keyShareId: string) => db.auditLog.count({ where: { action: { in: ["key.server_half", "key.server_decrypt_half"] }, targetId: keyShareId } });

/** Two registered platforms (the member is authorized for `a` only), an organization and its people. */
async function setting() {
  const a = (await createPlatform({ webhookUrl })).platform;
  const b = (await createPlatform({ webhookUrl })).platform;
  const org = await createOrg();
  const admin = await enterpriseHolder(org.id, "ADMIN");
  const member = await enterpriseHolder(org.id, "MEMBER");
  const grant = await authorize({ orgId: org.id, membershipId: member.membership.id, platformId: a.id, grantedById: admin.user.id });
  return { a, b, org, admin, member, grant };
}

describe("platformAuthorizationFor", () => {
  it("personal always; enterprise: administrator everywhere, member per platform, the desk's own platform for members; removed → not_a_member", async () => {
    const { a, b, org, admin, member } = await setting();
    const personal = await holderWithCertificates();
    const desk = (await createPlatform()).platform;
    await db.tradingPlatform.update({ where: { id: desk.id }, data: { isDesk: true } });
    const check = (h: Holder, platformId: string) => platformAuthorizationFor({ userId: h.user.id, certificateId: h.sign.cert.id, platformId });

    expect(await check(personal, b.id)).toEqual({ allowed: true });
    expect(await check(admin, a.id)).toEqual({ allowed: true });
    expect(await check(admin, b.id)).toEqual({ allowed: true });
    expect(await check(member, a.id)).toEqual({ allowed: true });
    expect(await check(member, b.id)).toEqual({ allowed: false, reason: "not_authorized_for_platform" });
    expect(await check(member, desk.id)).toEqual({ allowed: true });
    // Someone else holding the enterprise's certificate row (no membership) is not a member.
    expect(await platformAuthorizationFor({ userId: personal.user.id, certificate: { orgId: org.id }, platformId: a.id })).toEqual({ allowed: false, reason: "not_a_member" });
    await removeMember(member.membership.id);
    expect(await check(member, a.id)).toEqual({ allowed: false, reason: "not_a_member" });
    expect(await check(member, desk.id)).toEqual({ allowed: false, reason: "not_a_member" });
  });
});

describe("scans with enterprise certificates", () => {
  it("refused at open: REJECTED with the reason, audited, seen by the platform in the API and its webhook, no key material on the phone", async () => {
    const { b, member } = await setting();
    const { req, opened } = await login(member, b.id);
    expect(opened.refused).toBe("not_authorized_for_platform");
    expect(opened.platform.name).toBe(b.name);
    expect(opened.certificates).toHaveLength(1);
    expect(opened.certificates[0]).toMatchObject({ id: member.sign.cert.id, isEnterprise: true, authorized: false, refusal: "not_authorized_for_platform", keyShareId: null, pem: "" });

    const view = await getPlatformScanRequest({ platformId: b.id, id: req.id });
    expect(view).toMatchObject({ status: "rejected", failReason: "not_authorized_for_platform", result: null });
    const audit = await refusedRows(req.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: member.user.id, data: { platformId: b.id, serial: member.sign.cert.serialHex, reason: "not_authorized_for_platform" } });

    await runDueJobs();
    const told = delivered.filter((d) => d.data.id === req.id);
    // The scanned state was left in the same transaction, so only the final one is delivered.
    expect(told.map((d) => d.data.status)).toEqual(["rejected"]);
    expect(told[0]!.data.failReason).toBe("not_authorized_for_platform");

    // Opened again (a reload): the same refusal, nothing changes.
    const again = await openScanForPhone({ userId: member.user.id, token: tokenOf(req.qrContent) });
    expect(again.refused).toBe("not_authorized_for_platform");
    expect(await refusedRows(req.id)).toHaveLength(1);
    // Nobody else can take it over.
    await expectAppError(openScanForPhone({ userId: (await holderWithCertificates()).user.id, token: tokenOf(req.qrContent) }), "conflict", "scan.errors.used");

    // The phone cannot go on with it: every step answers FORBIDDEN with the reason, no half runs.
    const { request: signReq } = startSign({ keyId: member.sign.keyShareId, message: new TextEncoder().encode("x"), publicKey: member.sign.publicKey });
    await expectAppError(signForScan({ userId: member.user.id, id: req.id, input: { certificateId: member.sign.cert.id, pin: PIN, request: signReq } }), "forbidden", NOT_AUTHORIZED);
    await expectAppError(completePhoneScan({ userId: member.user.id, id: req.id, input: { certificateId: member.sign.cert.id, result: {} } }), "forbidden", NOT_AUTHORIZED);
    expect(await halves(member.sign.keyShareId)).toBe(0);
  });

  it("the server half refuses an unauthorized enterprise certificate even when the phone skips the open check", async () => {
    const { b, member } = await setting();
    const challenge = `login-${Date.now()}-skipopen`;
    const req = await request(b.id, { type: "login", challenge });
    // Bound to the member without the open step (a phone that never asked for the confirmation).
    await db.scanRequest.update({ where: { id: req.id }, data: { status: "SCANNED", userId: member.user.id, scannedAt: new Date() } });
    await expectAppError(scanLogin(member, req.id, challenge, PIN), "forbidden", NOT_AUTHORIZED);
    expect(await halves(member.sign.keyShareId)).toBe(0);
    expect(await getPlatformScanRequest({ platformId: b.id, id: req.id })).toMatchObject({ status: "rejected", failReason: "not_authorized_for_platform" });
    expect(await refusedRows(req.id)).toHaveLength(1);

    // Decryption too.
    const key = new Uint8Array(32).fill(5);
    const dec = await request(b.id, { type: "decrypt", ciphertext: Buffer.from(sm2Encrypt(member.enc.publicKey, key)).toString("base64"), title: "开标" });
    await db.scanRequest.update({ where: { id: dec.id }, data: { status: "SCANNED", userId: member.user.id, scannedAt: new Date() } });
    await expectAppError(scanDecrypt(member, dec.id, sm2Encrypt(member.enc.publicKey, key)), "forbidden", NOT_AUTHORIZED);
    expect(await halves(member.enc.keyShareId)).toBe(0);
    expect((await getPlatformScanRequest({ platformId: b.id, id: dec.id })).status).toBe("rejected");
  });

  it("20 parallel server-half calls for an unauthorized certificate: all refused, one refusal on record, no half", async () => {
    const { b, member } = await setting();
    const challenge = `login-${Date.now()}-parallel0`;
    const req = await request(b.id, { type: "login", challenge });
    await db.scanRequest.update({ where: { id: req.id }, data: { status: "SCANNED", userId: member.user.id, scannedAt: new Date() } });
    const message = new TextEncoder().encode(challenge);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        signForScan({
          userId: member.user.id,
          id: req.id,
          input: { certificateId: member.sign.cert.id, pin: PIN, request: startSign({ keyId: member.sign.keyShareId, message, publicKey: member.sign.publicKey }).request },
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(0);
    for (const o of outcomes) expect((o as PromiseRejectedResult).reason).toMatchObject({ code: "forbidden", userMessage: NOT_AUTHORIZED });
    expect(await halves(member.sign.keyShareId)).toBe(0);
    expect(await refusedRows(req.id)).toHaveLength(1);
    expect((await getPlatformScanRequest({ platformId: b.id, id: req.id })).status).toBe("rejected");
  });

  it("an authorized member succeeds on their platform; the administrator succeeds anywhere; personal certificates are unchanged", async () => {
    const { a, b, admin, member } = await setting();
    await loginCompletes(member, a.id);
    await loginCompletes(admin, a.id);
    await loginCompletes(admin, b.id);
    const personal = await holderWithCertificates();
    await loginCompletes(personal, b.id);
    expect(await db.auditLog.count({ where: { action: "scan.refused", actorId: { in: [admin.user.id, personal.user.id] } } })).toBe(0);
  });

  it("revoking the authorization or removing the member takes effect on the next scan", async () => {
    const { a, admin, member, grant } = await setting();
    await loginCompletes(member, a.id);
    await revokeAuthorization(grant.id, admin.user.id);
    const revoked = await login(member, a.id);
    expect(revoked.opened.refused).toBe("not_authorized_for_platform");
    expect((await getPlatformScanRequest({ platformId: a.id, id: revoked.req.id })).failReason).toBe("not_authorized_for_platform");

    // Granted again, then removed from the organization: refused as no longer a member.
    await authorize({ orgId: grant.orgId, membershipId: member.membership.id, platformId: a.id, grantedById: admin.user.id });
    await loginCompletes(member, a.id);
    await removeMember(member.membership.id);
    const removed = await login(member, a.id);
    expect(removed.opened.refused).toBe("not_a_member");
    expect(await getPlatformScanRequest({ platformId: a.id, id: removed.req.id })).toMatchObject({ status: "rejected", failReason: "not_a_member" });
  });

  it("an authorization revoked between the server half and completion: completion refused, the request rejected", async () => {
    const { a, admin, member, grant } = await setting();
    const { req, opened, challenge } = await login(member, a.id);
    expect(opened.refused).toBeNull();
    const result = await scanLogin(member, req.id, challenge, PIN);
    await revokeAuthorization(grant.id, admin.user.id);
    await expectAppError(completePhoneScan({ userId: member.user.id, id: req.id, input: { certificateId: member.sign.cert.id, result } }), "forbidden", NOT_AUTHORIZED);
    expect(await getPlatformScanRequest({ platformId: a.id, id: req.id })).toMatchObject({ status: "rejected", failReason: "not_authorized_for_platform", result: null });
  });

  it("under the half's row lock the authorization is read again: revoked after the checks, no half is noted", async () => {
    const { a, admin, member, grant } = await setting();
    const { req, opened } = await login(member, a.id);
    expect(opened.refused).toBeNull();
    await revokeAuthorization(grant.id, admin.user.id);
    const certificate = await db.certificate.findUniqueOrThrow({ where: { id: member.sign.cert.id }, select: { id: true, orgId: true } });
    await expectAppError(db.$transaction((tx) => claimScanHalf(tx, { userId: member.user.id, id: req.id, certificate, r: "ab" })), "forbidden", NOT_AUTHORIZED);
    expect((await db.scanRequest.findUniqueOrThrow({ where: { id: req.id } })).result).toBeNull();
  });

  it("a holder with a personal and an unauthorized enterprise certificate: the open is not refused, the enterprise one is marked and refused if chosen", async () => {
    const { b, org } = await setting();
    const holder = await holderWithCertificates();
    // A second pair for the same person, moved into the organization as a plain member's.
    const other = await enterpriseHolder(org.id, "MEMBER");
    await db.certificate.updateMany({ where: { userId: other.user.id }, data: { userId: holder.user.id } });
    await db.membership.update({ where: { id: other.membership.id }, data: { userId: holder.user.id } });
    const { req, opened } = await login(holder, b.id);
    expect(opened.refused).toBeNull();
    expect(opened.certificates.find((c) => c.id === holder.sign.cert.id)).toMatchObject({ authorized: true, isEnterprise: false });
    expect(opened.certificates.find((c) => c.id === other.sign.cert.id)).toMatchObject({ authorized: false, isEnterprise: true, pem: "", keyShareId: null });
    const { request: signReq } = startSign({ keyId: other.sign.keyShareId, message: new TextEncoder().encode("x"), publicKey: other.sign.publicKey });
    await expectAppError(signForScan({ userId: holder.user.id, id: req.id, input: { certificateId: other.sign.cert.id, pin: PIN, request: signReq } }), "forbidden", NOT_AUTHORIZED);
    expect((await getPlatformScanRequest({ platformId: b.id, id: req.id })).status).toBe("rejected");
  });
});
