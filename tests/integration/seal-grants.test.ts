// 授权用章 (issue 14) on PostgreSQL: the enterprise's seal administrator grants members' enterprise signing
// certificates the use of an approved enterprise seal and withdraws it. Each change re-issues the CA-signed
// SES_Seal with the bound certificate and the active grants in certList; the seal is then usable by that
// certificate (listUsableSeals, the scan's seal check, the platform's list). The rules: members, outsiders,
// personal, foreign-enterprise and revoked certificates refused; 20 parallel grants → one; a revocation withdraws.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { parseSesSeal, verifySesSeal } from "@/lib/pki/ses-seal";
import { ensureCaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { forgetIssuingCa, loadIssuingCa } from "@/lib/server/ca/load-issuing-ca";
import { revokePair } from "@/lib/server/certs/revoke-pair";
import { generateOrderNo } from "@/lib/server/orders/generate-order-no";
import { checkChosenSeal } from "@/lib/server/scan/check-chosen-seal";
import { createOrgSeal } from "@/lib/server/seals/create-org-seal";
import { decideSeal } from "@/lib/server/seals/decide-seal";
import { grantSealUse } from "@/lib/server/seals/grant-seal-use";
import { listUsableSeals } from "@/lib/server/seals/list-usable-seals";
import { listMySeals } from "@/lib/server/seals/list-seals";
import { listCertificateSealsForPlatform } from "@/lib/server/seals/seal-for-platform";
import { createPlatform } from "../support/platform-fixtures";
import { withdrawSealUse } from "@/lib/server/seals/withdraw-seal-use";
import { createUser, uniquePhone } from "../support/factories";
import { expectAppError } from "../support/expect-app-error";
import { downloadAsPhone } from "../support/phone-download";
import { stampPhoto } from "../unit/seals/seal-photos";
import { enterpriseHolder, enterpriseWithMembers, PIN } from "./org-fixtures";
import { uniqueIdNumber } from "./orders-fixtures";

let e: Awaited<ReturnType<typeof enterpriseWithMembers>>;
let sealId: string;
let adminCert: { id: string; der: Uint8Array };

const signCertOf = (userId: string, orgId: string | null) =>
  db.certificate.findFirstOrThrow({ where: { userId, usage: "SIGN", status: "VALID", orgId }, orderBy: { notBefore: "desc" }, select: { id: true, der: true, serialHex: true } });
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

/** The seal's stored SES_Seal: it verifies under the issuing CA's key; its esID and certList (as hex DER). */
async function structure(id = sealId) {
  const row = await db.seal.findUniqueOrThrow({ where: { id }, select: { sesDer: true, esId: true } });
  const check = verifySesSeal(row.sesDer!, { makerPublicKey: (await loadIssuingCa()).signer.publicKey, at: new Date() });
  expect(check.ok, JSON.stringify(check)).toBe(true);
  const parsed = parseSesSeal(row.sesDer!);
  expect(parsed.info.esId).toBe(row.esId);
  return { esId: parsed.info.esId, certs: parsed.info.certs.map(hex), createDate: parsed.info.createDate, validEnd: parsed.info.validEnd };
}

const usable = async (userId: string, certificateId: string) => (await listUsableSeals({ userId, certificateId })).map((s) => s.id);
/** 我的印章's granted seals of `userId` ("sealId → certificateId"), each also offered by the scan's picker for that certificate. */
async function grantedTo(userId: string) {
  const { granted } = await listMySeals({ userId });
  for (const g of granted) expect(await usable(userId, g.certificateId), "the picker offers what 我的印章 lists").toContain(g.seal.id);
  return granted.map((g) => `${g.seal.id} → ${g.certificateId}`);
}
const grant = (userId: string, certificateId: string, id = sealId) => grantSealUse({ userId, input: { orgId: e.org.id, sealId: id, certificateId } });
const withdraw = (userId: string, certificateId: string, id = sealId) => withdrawSealUse({ userId, input: { orgId: e.org.id, sealId: id, certificateId } });

beforeAll(async () => {
  await ensureCaHierarchy();
  e = await enterpriseWithMembers();
  adminCert = await signCertOf(e.admin.user.id, e.org.id);
  const made = await createOrgSeal({ userId: e.admin.user.id, orgId: e.org.id, input: { kind: "OFFICIAL", certificateId: adminCert.id }, file: new Uint8Array(await stampPhoto()) });
  sealId = made.id;
  const reviewer = await createUser({ role: "CA_REVIEWER" });
  await decideSeal({ reviewerId: reviewer.id, input: { sealId, decision: "approve" } });
});

describe("授权用章", () => {
  it("the administrator grants a member's enterprise certificate: the re-issued SES_Seal lists it after the bound one, same esID and validity; the member may then stamp with it", async () => {
    const alice = await signCertOf(e.alice.user.id, e.org.id);
    const before = await structure();
    expect(before.certs).toEqual([hex(adminCert.der)]);
    expect(await usable(e.alice.user.id, alice.id)).not.toContain(sealId);
    await expectAppError(checkChosenSeal({ userId: e.alice.user.id, certificateId: alice.id, type: "SIGN", payload: { withSeal: true }, sealId }), "not_found");

    const out = await grant(e.admin.user.id, alice.id);
    expect(out).toMatchObject({ status: "ACTIVE", certCount: 2 });
    const after = await structure();
    expect(after.certs).toEqual([hex(adminCert.der), hex(alice.der)]);
    expect(after.esId).toBe(before.esId);
    expect(after.validEnd.getTime()).toBe(before.validEnd.getTime());
    expect(await usable(e.alice.user.id, alice.id)).toContain(sealId);
    // 我的印章 lists it under her certificate, read-only: the enterprise's name and the grant's validity (from
    // the grant to the earlier of the seal's and the certificate's end); the administrator's list has no grant.
    const mine = (await listMySeals({ userId: e.alice.user.id })).granted;
    expect(mine).toHaveLength(1);
    const [entry] = mine;
    const sealRow = await db.seal.findUniqueOrThrow({ where: { id: sealId }, select: { validTo: true, name: true } });
    const aliceRow = await db.certificate.findUniqueOrThrow({ where: { id: alice.id }, select: { notAfter: true, serialHex: true } });
    expect(entry).toMatchObject({ certificateId: alice.id, certificateSerial: aliceRow.serialHex, orgName: e.org.name, seal: { id: sealId, name: sealRow.name, status: "APPROVED", orgId: e.org.id } });
    expect(entry.seal.certificate?.id).toBe(adminCert.id);
    expect(entry.validTo.getTime()).toBe(Math.min(sealRow.validTo!.getTime(), aliceRow.notAfter.getTime()));
    expect(Math.abs(entry.grantedAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(await grantedTo(e.alice.user.id)).toEqual([`${sealId} → ${alice.id}`]);
    expect(await grantedTo(e.admin.user.id)).toEqual([]);
    // The scan's seal check (server half and completion) accepts it for her certificate, not for bob's.
    expect(await checkChosenSeal({ userId: e.alice.user.id, certificateId: alice.id, type: "SIGN", payload: { withSeal: true }, sealId })).toBe(sealId);
    const bob = await signCertOf(e.bob.user.id, e.org.id);
    expect(await usable(e.bob.user.id, bob.id)).not.toContain(sealId);
    expect(await grantedTo(e.bob.user.id)).toEqual([]);
    // Nobody else can stamp with alice's certificate.
    expect(await usable(e.bob.user.id, alice.id)).toEqual([]);
    const audit = await db.auditLog.findMany({ where: { action: "seal.use_granted", targetId: sealId } });
    expect(audit.map((a) => a.data)).toEqual([expect.objectContaining({ certificateId: alice.id, holderId: e.alice.user.id, esId: before.esId, certCount: 2 })]);
  });

  it("GET /api/v1/seals?serial= lists a granted seal only while the holder is an ACTIVE member who may use seals (the picker's rule): not after a removal whose revocation has not run yet, nor in a role without seals.use", async () => {
    const alice = await signCertOf(e.alice.user.id, e.org.id);
    const { platform } = await createPlatform();
    // The holder identified to this platform with the certificate (what the listing requires).
    await db.scanRequest.create({ data: { platformId: platform.id, type: "LOGIN", status: "COMPLETED", tokenHash: `t-${randomUUID()}`, payload: {}, userId: e.alice.user.id, certificateId: alice.id, expiresAt: new Date(Date.now() + 60_000), completedAt: new Date() } });
    const listed = async () => (await listCertificateSealsForPlatform({ platformId: platform.id, serial: alice.serialHex })).map((s) => s.id);
    expect(await listed()).toEqual([sealId]);
    const membership = { orgId_userId: { orgId: e.org.id, userId: e.alice.user.id } };
    try {
      // Removed (the removal's queued org.revoke_certificates has not revoked her certificate yet): the grant row
      // is still ACTIVE and her certificate VALID, but neither the picker nor the platform may offer the seal.
      await db.membership.update({ where: membership, data: { status: "REMOVED" } });
      expect(await usable(e.alice.user.id, alice.id)).not.toContain(sealId);
      expect(await listed()).toEqual([]);
      await db.membership.update({ where: membership, data: { status: "ACTIVE", role: "LEGAL_REP" } });
      expect(await usable(e.alice.user.id, alice.id)).not.toContain(sealId);
      expect(await listed()).toEqual([]);
    } finally {
      await db.membership.update({ where: membership, data: { status: "ACTIVE", role: "MEMBER" } });
    }
    expect(await listed()).toEqual([sealId]);
  });

  it("members, the legal representative and outsiders cannot grant; personal, foreign, revoked certificates and non-members' are refused", async () => {
    const bob = await signCertOf(e.bob.user.id, e.org.id);
    await expectAppError(grant(e.alice.user.id, bob.id), "forbidden");
    await expectAppError(grant(e.legalRep.id, bob.id), "forbidden");
    await expectAppError(grant(e.certAdmin.id, bob.id), "forbidden");
    await expectAppError(grant((await createUser()).id, bob.id), "not_found");
    await expectAppError(withdraw(e.alice.user.id, bob.id), "forbidden");

    // A member's personal (INDIVIDUAL) certificate is not the enterprise's.
    const now = new Date();
    const personal = await db.order.create({
      data: {
        no: generateOrderNo(), userId: e.bob.user.id, channelId: e.channel.id, subjectType: "INDIVIDUAL", subjectKey: uniqueIdNumber(), subjectName: "鲍勃", status: "APPROVED", step: "pay", verificationMethod: "PHONE3",
        draft: { person: { name: "鲍勃", idType: "RESIDENT_ID", idNumber: uniqueIdNumber(), phone: uniquePhone(), email: "b@example.test" } }, years: 1, priceFen: 100, submittedAt: now, paidAt: now, approvedAt: now,
      },
    });
    await downloadAsPhone(e.bob.user.id, personal.id, PIN);
    const bobPersonal = await signCertOf(e.bob.user.id, null);
    await expectAppError(grant(e.admin.user.id, bobPersonal.id), "not_found", "sealGrants.errors.noCertificate");
    // Another enterprise's certificate.
    const other = await enterpriseWithMembers();
    await expectAppError(grant(e.admin.user.id, (await signCertOf(other.alice.user.id, other.org.id)).id), "not_found", "sealGrants.errors.noCertificate");
    // The seal's own bound certificate uses it already.
    await expectAppError(grant(e.admin.user.id, adminCert.id), "conflict", "sealGrants.errors.alreadyGranted");
    // A removed member's certificate (still VALID here, as if the revocation were pending).
    const carol = await enterpriseHolder(e.enterprise, e.channel.id);
    const carolCert = await signCertOf(carol.user.id, e.org.id);
    await db.membership.update({ where: { orgId_userId: { orgId: e.org.id, userId: carol.user.id } }, data: { status: "REMOVED" } });
    await expectAppError(grant(e.admin.user.id, carolCert.id), "not_found");
    // A revoked certificate.
    const dave = await enterpriseHolder(e.enterprise, e.channel.id);
    const daveCert = await signCertOf(dave.user.id, e.org.id);
    await revokePair({ certificateId: daveCert.id, reason: "keyCompromise", actorId: dave.user.id });
    await expectAppError(grant(e.admin.user.id, daveCert.id), "not_found");
    // A seal not (yet) approved: nothing to grant.
    const pending = await createOrgSeal({ userId: e.admin.user.id, orgId: e.org.id, input: { kind: "LEGAL_REP", certificateId: adminCert.id }, file: new Uint8Array(await stampPhoto({ seed: 7 })) });
    await expectAppError(grant(e.admin.user.id, bob.id, pending.id), "conflict", "sealGrants.errors.notApproved");
    expect(await db.sealGrant.count({ where: { sealId: { in: [sealId, pending.id] }, certificateId: { in: [bob.id, bobPersonal.id, carolCert.id, daveCert.id] } } })).toBe(0);
  });

  it("20 parallel grants of one certificate by the seal administrator → one grant, one audit row, the certificate once in certList", async () => {
    const bob = await signCertOf(e.bob.user.id, e.org.id);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => grant(e.sealAdmin.id, bob.id)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.map((r) => (r.reason as { code: string }).code)).toEqual(Array(19).fill("conflict"));
    expect(await db.sealGrant.count({ where: { sealId, certificateId: bob.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "seal.use_granted", targetId: sealId, data: { path: ["certificateId"], equals: bob.id } } })).toBe(1);
    const alice = await signCertOf(e.alice.user.id, e.org.id);
    expect((await structure()).certs).toEqual([hex(adminCert.der), hex(alice.der), hex(bob.der)]);
    expect(await usable(e.bob.user.id, bob.id)).toContain(sealId);
  });

  it("grants of different certificates in parallel all end up in the stored structure (the seal's row lock orders the re-issues)", async () => {
    const holders = await Promise.all(Array.from({ length: 3 }, () => enterpriseHolder(e.enterprise, e.channel.id)));
    const certs = await Promise.all(holders.map((h) => signCertOf(h.user.id, e.org.id)));
    await Promise.all(certs.map((c) => grant(e.admin.user.id, c.id)));
    const listed = (await structure()).certs;
    for (const c of certs) expect(listed).toContain(hex(c.der));
    expect(listed).toHaveLength(1 + 2 + 3);
    // Tidy: withdraw them again (in parallel too).
    await Promise.all(certs.map((c) => withdraw(e.admin.user.id, c.id)));
    expect((await structure()).certs).toHaveLength(3);
  });

  it("withdrawal: 10 parallel → one, the certificate leaves certList and can no longer stamp; a new grant reactivates the same row", async () => {
    const alice = await signCertOf(e.alice.user.id, e.org.id);
    // The issuing CA not in the process cache (it is re-read after a minute): the re-issue inside the
    // transaction reads it through that transaction (on the one-connection embedded database a read beside
    // it waited for the transaction until its 30 s timeout).
    forgetIssuingCa();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => withdraw(e.admin.user.id, alice.id)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(9);
    expect((await structure()).certs).not.toContain(hex(alice.der));
    expect(await usable(e.alice.user.id, alice.id)).not.toContain(sealId);
    expect(await grantedTo(e.alice.user.id)).toEqual([]);
    await expectAppError(checkChosenSeal({ userId: e.alice.user.id, certificateId: alice.id, type: "SIGN", payload: { withSeal: true }, sealId }), "not_found");
    await expectAppError(withdraw(e.admin.user.id, alice.id), "conflict", "sealGrants.errors.notGranted");
    expect(await db.auditLog.count({ where: { action: "seal.use_withdrawn", targetId: sealId, data: { path: ["certificateId"], equals: alice.id } } })).toBe(1);

    await grant(e.admin.user.id, alice.id);
    expect(await db.sealGrant.findMany({ where: { sealId, certificateId: alice.id }, select: { status: true } })).toEqual([{ status: "ACTIVE" }]);
    expect(await usable(e.alice.user.id, alice.id)).toContain(sealId);
    expect(await grantedTo(e.alice.user.id)).toEqual([`${sealId} → ${alice.id}`]);
  });

  it("a revocation of a granted certificate withdraws the grant (reason of the revocation) and re-issues the structure without it; the seal stays approved for the others", async () => {
    const bob = await signCertOf(e.bob.user.id, e.org.id);
    const alice = await signCertOf(e.alice.user.id, e.org.id);
    expect((await structure()).certs).toContain(hex(bob.der));
    expect(await grantedTo(e.bob.user.id)).toEqual([`${sealId} → ${bob.id}`]);
    forgetIssuingCa(); // the revocation's re-issue reads the CA through its own transaction too
    await revokePair({ certificateId: bob.id, reason: "keyCompromise", actorId: e.bob.user.id });
    expect(await db.sealGrant.findUniqueOrThrow({ where: { sealId_certificateId: { sealId, certificateId: bob.id } }, select: { status: true, withdrawReason: true } })).toEqual({ status: "WITHDRAWN", withdrawReason: "certificate_revoked" });
    const after = await structure();
    expect(after.certs).not.toContain(hex(bob.der));
    expect(after.certs).toContain(hex(alice.der));
    expect((await db.seal.findUniqueOrThrow({ where: { id: sealId } })).status).toBe("APPROVED");
    expect(await usable(e.alice.user.id, alice.id)).toContain(sealId);
    expect(await grantedTo(e.bob.user.id)).toEqual([]);
    expect(await grantedTo(e.alice.user.id)).toEqual([`${sealId} → ${alice.id}`]);
    expect(await db.auditLog.count({ where: { action: "seal.use_withdrawn", targetId: sealId, data: { path: ["reason"], equals: "certificate_revoked" } } })).toBe(1);
    // The bound certificate's revocation voids the seal itself: nobody can use it any more.
    await revokePair({ certificateId: adminCert.id, reason: "keyCompromise", actorId: e.admin.user.id });
    expect((await db.seal.findUniqueOrThrow({ where: { id: sealId } })).status).toBe("VOIDED");
    expect(await usable(e.alice.user.id, alice.id)).not.toContain(sealId);
    expect(await grantedTo(e.alice.user.id)).toEqual([]);
    await expectAppError(withdraw(e.admin.user.id, alice.id), "conflict", "sealGrants.errors.notApproved");
  });
});
