// Issue 12: sync_subject (扫码同步主体库) returns the subject library to the bidding tool: the
// enterprise's registered data, the holder's authorized platforms and seals, or a person's name and
// masked ID number; documented in the OpenAPI document.
import { describe, expect, it } from "vitest";
import { startSign } from "@/lib/pki/two-party";
import { syncSubjectMessage } from "@/lib/phone/signed-messages";
import { db } from "@/lib/db/client";
import { createScanRequest } from "@/lib/server/scan/create-scan-request";
import { ZCreateScanRequestSchema } from "@/lib/server/scan/scan.types";
import { openScanForPhone } from "@/lib/server/scan/open-scan-for-phone";
import { signForScan } from "@/lib/server/scan/sign-for-scan";
import { completePhoneScan } from "@/lib/server/scan/complete-phone-scan";
import { getPlatformScanRequest } from "@/lib/server/scan/get-platform-scan-request";
import { openApiDocument } from "@/lib/server/scan/openapi-document";
import { createPlatform } from "../support/platform-fixtures";
import { PIN, holderWithCertificates } from "./scan-phone-support";
import { authorize, createOrg, enterpriseHolder, revokeAuthorization } from "./scan-org-support";

type Holder = Awaited<ReturnType<typeof holderWithCertificates>>;
type Library = { kind: string; [k: string]: unknown };

/** The phone's sync_subject: scan, a PIN-checked signature over the request's sync message, completion. */
async function syncSubject(holder: Holder, platformId: string) {
  const created = await createScanRequest({ platformId, input: ZCreateScanRequestSchema.parse({ type: "sync_subject" }) });
  const opened = await openScanForPhone({ userId: holder.user.id, token: created.qrContent.split("/m/s/")[1]! });
  expect(opened.refused).toBeNull();
  const { request } = startSign({ keyId: holder.sign.keyShareId, message: syncSubjectMessage({ scanRequestId: created.id }), publicKey: holder.sign.publicKey });
  await signForScan({ userId: holder.user.id, id: created.id, input: { certificateId: holder.sign.cert.id, pin: PIN, request } });
  await completePhoneScan({ userId: holder.user.id, id: created.id, input: { certificateId: holder.sign.cert.id, result: {} } });
  const view = await getPlatformScanRequest({ platformId, id: created.id });
  expect(view.status).toBe("completed");
  return view.result as { subjectLibrary: Library; encryptionCertificate: string | null; serial: string; subjectName: string };
}

describe("sync_subject returns the subject library", () => {
  it("an enterprise member: the organization, their ACTIVE authorized platforms only, the organization's active seals (no image URL yet), the encryption certificate", async () => {
    const a = (await createPlatform()).platform;
    const b = (await createPlatform()).platform;
    const c = (await createPlatform()).platform;
    const org = await createOrg({ name: "同步测试建设有限公司", address: "上海市浦东新区世纪大道 100 号" });
    const admin = await enterpriseHolder(org.id, "ADMIN");
    const member = await enterpriseHolder(org.id, "MEMBER");
    await authorize({ orgId: org.id, membershipId: member.membership.id, platformId: a.id, grantedById: admin.user.id });
    await authorize({ orgId: org.id, membershipId: member.membership.id, platformId: b.id, grantedById: admin.user.id });
    const revoked = await authorize({ orgId: org.id, membershipId: member.membership.id, platformId: c.id, grantedById: admin.user.id });
    await revokeAuthorization(revoked.id, admin.user.id);
    const official = await db.seal.create({ data: { orgId: org.id, name: "同步测试建设有限公司 公章", kind: "OFFICIAL", imageKey: "seals/official.png", status: "APPROVED" } });
    const contract = await db.seal.create({ data: { orgId: org.id, name: "合同专用章", kind: "CONTRACT", imageKey: "seals/contract.png", status: "APPROVED" } });
    await db.seal.create({ data: { orgId: org.id, name: "作废章", kind: "OFFICIAL", imageKey: "seals/void.png", status: "VOIDED" } });
    const elsewhere = await createOrg({ name: "别家公司" });
    await db.seal.create({ data: { orgId: elsewhere.id, name: "别家公司 公章", kind: "OFFICIAL", imageKey: "seals/other.png", status: "APPROVED" } });

    const result = await syncSubject(member, a.id);
    expect(result.serial).toBe(member.sign.cert.serialHex);
    expect(result.encryptionCertificate).toContain("-----BEGIN CERTIFICATE-----");
    expect(result.subjectLibrary).toEqual({
      kind: "organization",
      name: "同步测试建设有限公司",
      uscc: org.uscc,
      legalRepName: "王五",
      address: "上海市浦东新区世纪大道 100 号",
      platforms: [
        { code: a.code, name: a.name },
        { code: b.code, name: b.name },
      ],
      seals: [
        { id: official.id, name: official.name, kind: "official" },
        { id: contract.id, name: contract.name, kind: "contract" },
      ],
    });
    // Secrets and the legal representative's ID number never travel.
    expect(JSON.stringify(result)).not.toContain(org.legalRepIdNumber);
  });

  it("the administrator: every active registered platform (not the desk's own, not inactive ones)", async () => {
    const a = (await createPlatform()).platform;
    const inactive = (await createPlatform()).platform;
    await db.tradingPlatform.update({ where: { id: inactive.id }, data: { active: false } });
    const desk = (await createPlatform()).platform;
    await db.tradingPlatform.update({ where: { id: desk.id }, data: { isDesk: true } });
    const org = await createOrg({ address: null });
    const admin = await enterpriseHolder(org.id, "ADMIN");
    const result = await syncSubject(admin, a.id);
    const codes = (result.subjectLibrary.platforms as Array<{ code: string }>).map((p) => p.code);
    const active = await db.tradingPlatform.findMany({ where: { active: true, isDesk: false }, select: { code: true }, orderBy: { code: "asc" } });
    expect(codes).toEqual(active.map((p) => p.code));
    expect(codes).toContain(a.code);
    expect(codes).not.toContain(inactive.code);
    expect(codes).not.toContain(desk.code);
    expect(result.subjectLibrary).toMatchObject({ kind: "organization", address: null, seals: [] });
  });

  it("a personal certificate: its subject's name and masked ID number (from the order it was issued for)", async () => {
    const { platform } = await createPlatform();
    const holder = await holderWithCertificates();
    const cert = await db.certificate.findUniqueOrThrow({ where: { id: holder.sign.cert.id }, select: { subjectName: true, order: { select: { subjectKey: true } } } });
    const idNumber = cert.order!.subjectKey!;
    const result = await syncSubject(holder, platform.id);
    expect(result.subjectLibrary).toEqual({ kind: "person", name: "张三", idNumberMasked: `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}` });
    expect(cert.subjectName).toBe("张三");
    expect(JSON.stringify(result)).not.toContain(idNumber);
    expect(result.encryptionCertificate).toContain("-----BEGIN CERTIFICATE-----");
  });

  it("the OpenAPI document describes the subject library with examples and the refusal reasons", () => {
    const doc = openApiDocument() as unknown as {
      components: { schemas: { SubjectLibrary: { oneOf: Array<{ title: string; required: string[] }>; examples: unknown[] }; SyncSubjectScanRequest: { properties: { failReason: { description: string } } } } };
    };
    const lib = doc.components.schemas.SubjectLibrary;
    expect(lib.oneOf.map((o) => o.title)).toEqual(["organization", "person"]);
    expect(lib.oneOf[0]!.required).toEqual(expect.arrayContaining(["name", "uscc", "legalRepName", "address", "platforms", "seals"]));
    expect(lib.examples).toHaveLength(2);
    expect(doc.components.schemas.SyncSubjectScanRequest.properties.failReason.description).toContain("not_authorized_for_platform");
    expect(doc.components.schemas.SyncSubjectScanRequest.properties.failReason.description).toContain("not_a_member");
  });
});
