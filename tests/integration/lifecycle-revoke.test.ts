import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { derToPem } from "@/lib/pki/pem";
import { db } from "@/lib/db/client";
import { ensureCaHierarchy, type CaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { getLatestCrl } from "@/lib/server/ca/get-latest-crl";
import { respondOcsp } from "@/lib/server/ca/ocsp-respond";
import { consoleGetCertificate } from "@/lib/server/certs/console-get-certificate";
import { consoleListCertificates } from "@/lib/server/certs/console-list-certificates";
import { consoleRevokeCertificate } from "@/lib/server/certs/console-revoke-certificate";
import { revokeListCertificates } from "@/lib/server/certs/revoke-list-certificates";
import { revokeWithPin } from "@/lib/server/certs/revoke-with-pin";
import { completeMaterialsStep } from "@/lib/server/orders/complete-materials-step";
import { generateOrderNo } from "@/lib/server/orders/generate-order-no";
import { revokeCompleteOrder } from "@/lib/server/orders/revoke-complete-order";
import { revokeStartOrder } from "@/lib/server/orders/revoke-start-order";
import { savePersonStep } from "@/lib/server/orders/save-person-step";
import { wizardSteps } from "@/lib/server/orders/wizard-steps";
import { createUser, uniquePhone } from "../support/factories";
import { downloadAsPhone } from "../support/phone-download";
import { opensslOk } from "../unit/pki/openssl-helpers";
import { scratchDir } from "./certs-support";
import { enterpriseWithMembers, PIN } from "./org-fixtures";
import { addMaterials, createChannel, expectAppError, uniqueIdNumber } from "./orders-fixtures";

// Issue 13, revocation: the desk wizard (checks, ID photos, 确认吊销), the phone's PIN revocation, the
// console's revocation with four-eyes, all ending in one transaction that revokes the pair.

const scratch = scratchDir();
let hierarchy: CaHierarchy;
let caPem: string;
let n = 0;
beforeAll(async () => {
  hierarchy = await ensureCaHierarchy();
  caPem = scratch.write("issuing.pem", derToPem(hierarchy.issuing.certDer, "CERTIFICATE"));
});
afterAll(() => scratch.cleanup());

/** A person who downloaded their own individual dual certificates (PIN set), on `channelId`. */
async function personHolder(channelId: string) {
  const user = await createUser();
  const person = { name: "王个人", idType: "RESIDENT_ID", idNumber: uniqueIdNumber(), phone: uniquePhone(), email: "p@example.com" };
  const now = new Date();
  const order = await db.order.create({
    data: {
      no: generateOrderNo(), userId: user.id, channelId, subjectType: "INDIVIDUAL", subjectKey: person.idNumber, subjectName: person.name,
      status: "APPROVED", step: "pay", verificationMethod: "PHONE3", draft: { person }, years: 1, priceFen: 9800, submittedAt: now, paidAt: now, approvedAt: now,
    },
  });
  await downloadAsPhone(user.id, order.id, PIN);
  const certs = await db.certificate.findMany({ where: { orderId: order.id }, orderBy: { usage: "asc" } });
  const sign = certs.find((c) => c.usage === "SIGN")!;
  const enc = certs.find((c) => c.usage === "ENCRYPT")!;
  return { user, person, order, sign, enc };
}

async function ocspStatus(cert: { der: Uint8Array }) {
  const certPem = scratch.write(`c-${++n}.pem`, derToPem(new Uint8Array(cert.der), "CERTIFICATE"));
  const reqFile = scratch.file(`q-${n}.der`);
  opensslOk(["ocsp", "-issuer", caPem, "-cert", certPem, "-no_nonce", "-reqout", reqFile]);
  const { readFileSync } = await import("node:fs");
  const answer = await respondOcsp({ request: { der: new Uint8Array(readFileSync(reqFile)) } });
  const respFile = scratch.write(`r-${n}.der`, answer.der);
  return opensslOk(["ocsp", "-respin", respFile, "-resp_text", "-noverify"]);
}

async function crlText() {
  const crl = await getLatestCrl({ caId: hierarchy.issuing.id });
  const stored = await db.crl.findFirstOrThrow({ where: { caId: hierarchy.issuing.id, number: BigInt(crl.number) } });
  return opensslOk(["crl", "-inform", "DER", "-in", scratch.write(`crl-${++n}.crl`, stored.der), "-noout", "-text"]);
}

const statusOf = async (id: string) => (await db.certificate.findUniqueOrThrow({ where: { id } })).status;

describe("desk revocation wizard (personal)", () => {
  it("person check → ID photos → 确认吊销 revokes both certificates at once with the picked reason; OCSP and the CRL say so", async () => {
    const channel = await createChannel();
    const h = await personHolder(channel.id);
    expect((await revokeListCertificates({ userId: h.user.id })).map((c) => c.id)).toEqual([h.sign.id]);

    const { orderId, path } = await revokeStartOrder({ userId: h.user.id, certificateId: h.sign.id });
    expect(path).toBe(`/apply/revoke-individual/${orderId}/person`);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({ kind: "REVOKE", status: "DRAFT", subjectKey: h.person.idNumber, channelId: channel.id });
    expect(wizardSteps(order)).toEqual(["person", "materials", "revoke"]);
    // Resuming opens the same order.
    expect((await revokeStartOrder({ userId: h.user.id, certificateId: h.sign.id })).orderId).toBe(orderId);

    // Not ready before the checks and photos.
    await expectAppError(revokeCompleteOrder({ userId: h.user.id, orderId, reason: "keyCompromise" }), "conflict");
    const checked = await savePersonStep({ userId: h.user.id, orderId, input: h.person });
    expect(checked.status).toBe("PASSED");
    expect(checked.nextPath).toBe(`/apply/revoke-individual/${orderId}/materials`);
    await expectAppError(completeMaterialsStep({ userId: h.user.id, orderId }), "validation_failed");
    await addMaterials(orderId, ["ID_FRONT", "ID_BACK"]);
    expect((await completeMaterialsStep({ userId: h.user.id, orderId })).nextPath).toBe(`/apply/revoke-individual/${orderId}/revoke`);

    const pair = await revokeCompleteOrder({ userId: h.user.id, orderId, reason: "keyCompromise" });
    if (pair.status !== "revoked") throw new Error("expected an immediate revocation");
    expect(pair.serials.sort()).toEqual([h.sign.serialHex, h.enc.serialHex].sort());
    expect(await statusOf(h.sign.id)).toBe("REVOKED");
    expect(await statusOf(h.enc.id)).toBe("REVOKED");
    const done = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(done.status).toBe("COMPLETED");
    expect(done.paidAt).toBeNull();
    const shares = await db.keyShare.findMany({ where: { id: { in: [h.sign.keyShareId!, h.enc.keyShareId!] } } });
    expect(shares.map((s) => s.status)).toEqual(["DESTROYED", "DESTROYED"]);

    expect(await ocspStatus(h.sign)).toContain("Cert Status: revoked");
    expect(await ocspStatus(h.enc)).toContain("Cert Status: revoked");
    const text = await crlText();
    for (const serial of [h.sign.serialHex, h.enc.serialHex]) {
      const entry = text.split("Serial Number: ").find((s) => s.toLowerCase().startsWith(serial.toLowerCase()));
      expect(entry, serial).toContain("Key Compromise");
    }
    expect(await revokeListCertificates({ userId: h.user.id })).toEqual([]);
  });

  it("refuses when the checked person is not the certificate's subject", async () => {
    const channel = await createChannel();
    const h = await personHolder(channel.id);
    const { orderId } = await revokeStartOrder({ userId: h.user.id, certificateId: h.sign.id });
    const other = { ...h.person, idNumber: uniqueIdNumber() };
    expect((await savePersonStep({ userId: h.user.id, orderId, input: other })).status).toBe("PASSED");
    await addMaterials(orderId, ["ID_FRONT", "ID_BACK"]);
    await completeMaterialsStep({ userId: h.user.id, orderId });
    await expectAppError(revokeCompleteOrder({ userId: h.user.id, orderId, reason: "cessationOfOperation" }), "validation_failed");
    expect(await statusOf(h.sign.id)).toBe("VALID");
  });

  it("someone else's certificate and order are NOT_FOUND", async () => {
    const channel = await createChannel();
    const h = await personHolder(channel.id);
    const stranger = await createUser();
    await expectAppError(revokeStartOrder({ userId: stranger.id, certificateId: h.sign.id }), "not_found");
    const { orderId } = await revokeStartOrder({ userId: h.user.id, certificateId: h.sign.id });
    await expectAppError(revokeCompleteOrder({ userId: stranger.id, orderId, reason: "keyCompromise" }), "not_found");
    await expectAppError(revokeWithPin({ userId: stranger.id, certificateId: h.sign.id, input: { pin: PIN } }), "not_found");
    expect(await revokeListCertificates({ userId: stranger.id })).toEqual([]);
    expect(await statusOf(h.sign.id)).toBe("VALID");
  });

  it("15 parallel confirmations revoke once; the others are conflicts", async () => {
    const channel = await createChannel();
    const h = await personHolder(channel.id);
    const { orderId } = await revokeStartOrder({ userId: h.user.id, certificateId: h.sign.id });
    await savePersonStep({ userId: h.user.id, orderId, input: h.person });
    await addMaterials(orderId, ["ID_FRONT", "ID_BACK"]);
    await completeMaterialsStep({ userId: h.user.id, orderId });
    const results = await Promise.allSettled(Array.from({ length: 15 }, () => revokeCompleteOrder({ userId: h.user.id, orderId, reason: "superseded" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as { code: string }).code).toBe("conflict");
    expect(await db.auditLog.count({ where: { action: "certificate.revoked", targetId: { in: [h.sign.id, h.enc.id] } } })).toBe(2);
    expect(await db.orderEvent.count({ where: { orderId, type: "revoked" } })).toBe(1);
  });
});

describe("desk revocation of an enterprise certificate", () => {
  it("certs.manage members may revoke a colleague's certificate; a plain member is FORBIDDEN, an outsider NOT_FOUND; the unit wizard runs enterprise → handler → materials → revoke", async () => {
    const e = await enterpriseWithMembers();
    const alice = await db.certificate.findFirstOrThrow({ where: { orderId: e.alice.order.id, usage: "SIGN" } });
    await expectAppError(revokeStartOrder({ userId: e.bob.user.id, certificateId: alice.id }), "forbidden");
    await expectAppError(revokeStartOrder({ userId: (await createUser()).id, certificateId: alice.id }), "not_found");
    expect((await revokeListCertificates({ userId: e.certAdmin.id })).map((c) => c.id)).toContain(alice.id);
    expect((await revokeListCertificates({ userId: e.bob.user.id })).map((c) => c.id)).not.toContain(alice.id);

    const { orderId, path } = await revokeStartOrder({ userId: e.admin.user.id, certificateId: alice.id });
    expect(path).toBe(`/apply/revoke-unit/${orderId}/enterprise`);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(wizardSteps(order)).toEqual(["enterprise", "handler", "materials", "revoke"]);
    expect(order).toMatchObject({ orgId: e.org.id, subjectKey: e.enterprise.uscc });
    // Prefilled with the enterprise as certified, not with the original handler.
    expect((order.draft as { enterprise?: { uscc: string }; handler?: unknown }).enterprise?.uscc).toBe(e.enterprise.uscc);
    expect((order.draft as { handler?: unknown }).handler).toBeUndefined();
  });
});

describe("phone 证书注销 with the PIN", () => {
  it("a wrong PIN revokes nothing; of 12 parallel calls with the right PIN one revokes the pair", async () => {
    const channel = await createChannel();
    const h = await personHolder(channel.id);
    await expect(revokeWithPin({ userId: h.user.id, certificateId: h.sign.id, input: { pin: "000000" } })).rejects.toBeTruthy();
    expect(await statusOf(h.sign.id)).toBe("VALID");
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => revokeWithPin({ userId: h.user.id, certificateId: h.sign.id, input: { pin: PIN } })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await statusOf(h.sign.id)).toBe("REVOKED");
    expect(await statusOf(h.enc.id)).toBe("REVOKED");
    const row = await db.certificate.findUniqueOrThrow({ where: { id: h.enc.id } });
    expect(row.revocationReason).toBe(5);
    expect(await ocspStatus(h.enc)).toContain("Cert Status: revoked");
  });
});

describe("console revocation", () => {
  it("revokes at once with the RFC 5280 reason where the channel has no four-eyes; applicants are FORBIDDEN", async () => {
    const channel = await createChannel();
    const h = await personHolder(channel.id);
    const applicant = await createUser();
    await expectAppError(consoleRevokeCertificate({ operator: applicant, certificateId: h.sign.id, input: { reason: "keyCompromise" } }), "forbidden");
    const op = await createUser({ role: "CA_REVIEWER" });
    const out = await consoleRevokeCertificate({ operator: op, certificateId: h.enc.id, input: { reason: "privilegeWithdrawn", note: "court order" } });
    expect(out.status).toBe("revoked");
    expect(await statusOf(h.sign.id)).toBe("REVOKED");
    expect((await db.certificate.findUniqueOrThrow({ where: { id: h.sign.id } })).revocationReason).toBe(9);
    await expectAppError(consoleRevokeCertificate({ operator: op, certificateId: h.sign.id, input: { reason: "keyCompromise" } }), "conflict");
    const detail = await consoleGetCertificate({ user: op, certificateId: h.sign.id });
    expect(detail.certificate.revocationReasonName).toBe("privilegeWithdrawn");
    expect(detail.pair.map((p) => p.id)).toEqual([h.enc.id]);
    expect(detail.orders.map((o) => o.id)).toContain(h.order.id);
    expect(detail.revokedBy?.role).toBe("CA_REVIEWER");
  });

  it("four-eyes: the first operator's request waits (one under 10 parallel calls); the same operator cannot confirm; of 10 parallel confirmations by a second operator one revokes", async () => {
    const channel = await createChannel();
    await db.channel.update({ where: { id: channel.id }, data: { requireTwoReviewers: true } });
    const h = await personHolder(channel.id);
    const op1 = await createUser({ role: "CA_REVIEWER" });
    const op2 = await createUser({ role: "CA_ADMIN" });
    const first = await Promise.allSettled(Array.from({ length: 10 }, () => consoleRevokeCertificate({ operator: op1, certificateId: h.sign.id, input: { reason: "keyCompromise", note: "holder called" } })));
    expect(first.filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<{ status: string }>).value.status)).toEqual(["pending"]);
    expect(await db.revocationRequest.count({ where: { certificateId: h.sign.id } })).toBe(1);
    expect(await statusOf(h.sign.id)).toBe("VALID");
    await expectAppError(consoleRevokeCertificate({ operator: op1, certificateId: h.sign.id, input: { reason: "keyCompromise" } }), "conflict");
    expect((await consoleGetCertificate({ user: op1, certificateId: h.sign.id })).canConfirmPending).toBe(false);
    expect((await consoleGetCertificate({ user: op2, certificateId: h.sign.id })).canConfirmPending).toBe(true);

    const second = await Promise.allSettled(Array.from({ length: 10 }, () => consoleRevokeCertificate({ operator: op2, certificateId: h.sign.id, input: { reason: "unspecified" } })));
    expect(second.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await statusOf(h.sign.id)).toBe("REVOKED");
    expect(await statusOf(h.enc.id)).toBe("REVOKED");
    // The requested reason stands.
    expect((await db.certificate.findUniqueOrThrow({ where: { id: h.sign.id } })).revocationReason).toBe(1);
    const request = await db.revocationRequest.findFirstOrThrow({ where: { certificateId: h.sign.id } });
    expect(request).toMatchObject({ status: "APPROVED", requestedById: op1.id, decidedById: op2.id, note: "holder called" });
  });

  it("lists and searches certificates, with the expiring counts at an injected now", async () => {
    const channel = await createChannel();
    const h = await personHolder(channel.id);
    const op = await createUser({ role: "CA_REVIEWER" });
    const bySerial = await consoleListCertificates({ user: op, filter: { q: h.sign.serialHex } });
    expect(bySerial.certificates.map((c) => c.id)).toEqual([h.sign.id]);
    const byId = await consoleListCertificates({ user: op, filter: { q: h.person.idNumber } });
    expect(byId.certificates.map((c) => c.id).sort()).toEqual([h.sign.id, h.enc.id].sort());
    const soon = new Date(h.sign.notAfter.getTime() - 20 * 86_400_000);
    const at = await consoleListCertificates({ user: op, filter: { q: h.person.idNumber, expires: "30" }, now: soon });
    expect(at.certificates).toHaveLength(2);
    expect(at.expiring.in30).toBeGreaterThanOrEqual(2);
    expect(at.expiring.in90).toBeGreaterThanOrEqual(at.expiring.in30);
    const early = await consoleListCertificates({ user: op, filter: { q: h.person.idNumber, expires: "30" }, now: new Date(h.sign.notAfter.getTime() - 60 * 86_400_000) });
    expect(early.certificates).toHaveLength(0);
    await expectAppError(consoleListCertificates({ user: await createUser(), filter: {} }), "forbidden");
  });
});
