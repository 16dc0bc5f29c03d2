import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { derToPem } from "@/lib/pki/pem";
import { db } from "@/lib/db/client";
import { ensureCaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { respondOcsp } from "@/lib/server/ca/ocsp-respond";
import { confirmDepositCode } from "@/lib/server/identity/confirm-deposit-code";
import { approveOrder } from "@/lib/server/reviews/approve-order";
import { changeSubmitOrder } from "@/lib/server/orders/change-submit-order";
import { confirmChangeInfo } from "@/lib/server/orders/change-confirm-info";
import { createChangeOrder } from "@/lib/server/orders/change-create-order";
import { listChangeableCertificates } from "@/lib/server/orders/change-list-certificates";
import { completeMaterialsStep } from "@/lib/server/orders/complete-materials-step";
import { completeStepCheck } from "@/lib/server/orders/complete-step-check";
import { firstIncompleteStep } from "@/lib/server/orders/first-incomplete-step";
import { generateOrderNo } from "@/lib/server/orders/generate-order-no";
import { onOrderPaid } from "@/lib/server/orders/on-order-paid";
import { saveEnterpriseStep } from "@/lib/server/orders/save-enterprise-step";
import { savePersonStep } from "@/lib/server/orders/save-person-step";
import { createUser, uniquePhone } from "../support/factories";
import { downloadAsPhone } from "../support/phone-download";
import { opensslOk } from "../unit/pki/openssl-helpers";
import { scratchDir } from "./certs-support";
import { enterpriseWithMembers, PIN } from "./org-fixtures";
import { expectAppError } from "../support/expect-app-error";
import { createChannel, depositCode, uniqueIdNumber, uniqueUscc } from "./orders-fixtures";

// Issue 13, information change (证书变更): the CHANGE wizard's domain functions on PostgreSQL, from the
// certificate through the new details' check, the channel's materials, the CA review, payment and the
// phone's download that supersedes the old pair (OCSP read back with OpenSSL), under concurrency.

const scratch = scratchDir();
let caPem: string;
let n = 0;
beforeAll(async () => {
  const hierarchy = await ensureCaHierarchy();
  caPem = scratch.write("issuing.pem", derToPem(hierarchy.issuing.certDer, "CERTIFICATE"));
});
afterAll(() => scratch.cleanup());

async function ocspText(cert: { der: Uint8Array }) {
  const certPem = scratch.write(`c-${++n}.pem`, derToPem(new Uint8Array(cert.der), "CERTIFICATE"));
  const reqFile = scratch.file(`q-${n}.der`);
  opensslOk(["ocsp", "-issuer", caPem, "-cert", certPem, "-no_nonce", "-reqout", reqFile]);
  const answer = await respondOcsp({ request: { der: new Uint8Array(readFileSync(reqFile)) } });
  return opensslOk(["ocsp", "-respin", scratch.write(`r-${n}.der`, answer.der), "-resp_text", "-noverify"]);
}

const materials = (orderId: string, kinds: Array<"BUSINESS_LICENSE" | "CHANGE_NOTICE" | "ID_FRONT" | "ID_BACK">) =>
  db.material.createMany({ data: kinds.map((kind) => ({ orderId, kind, storageKey: `test/${orderId}/${kind}`, mime: "image/png", size: 10, sha256: "0".repeat(64), originalName: `${kind}.png` })) });

/** The enterprise's administrator with their downloaded certificate, a seal bound to it, on a channel charging 100 元 for a change. */
async function enterpriseToChange() {
  const e = await enterpriseWithMembers();
  await db.channel.update({ where: { id: e.channel.id }, data: { changePriceFen: 10000, requireTwoReviewers: true } });
  const sign = await db.certificate.findFirstOrThrow({ where: { orderId: e.admin.order.id, usage: "SIGN" } });
  const enc = await db.certificate.findFirstOrThrow({ where: { orderId: e.admin.order.id, usage: "ENCRYPT" } });
  const seal = await db.seal.create({ data: { orgId: e.org.id, name: "公章", kind: "OFFICIAL", status: "APPROVED", certificateId: sign.id } });
  return { ...e, sign, enc, seal };
}

/** Through the wizard up to the CA review: new name, new legal representative, new address. */
async function submittedChange(e: Awaited<ReturnType<typeof enterpriseToChange>>, newName: string) {
  const userId = e.admin.user.id;
  const { orderId } = await createChangeOrder({ userId, certificateId: e.sign.id });
  await confirmChangeInfo({ userId, orderId });
  const input = {
    ...e.enterprise,
    name: newName,
    legalRepName: "赵新",
    legalRepIdNumber: uniqueIdNumber(),
    legalRepPhone: uniquePhone(),
    address: "北京市朝阳区变更路 8 号",
    bankAccount: "0200001009000012345",
    bankName: "中国工商银行",
    bankBranch: "北京分行营业部",
  };
  const started = await saveEnterpriseStep({ userId, orderId, input });
  await confirmDepositCode({ userId, checkId: started.checkId!, code: await depositCode(e.admin.user.phone) });
  await completeStepCheck({ userId, orderId, which: "subject" });
  await expectAppError(completeMaterialsStep({ userId, orderId }), "validation_failed");
  await materials(orderId, ["BUSINESS_LICENSE", "CHANGE_NOTICE"]);
  await completeMaterialsStep({ userId, orderId });
  return { orderId, input };
}

describe("证书变更 of an enterprise certificate", () => {
  it("new details checked → materials → review (four-eyes) → paid → one download of 8 parallel supersedes the old pair, voids its seal, updates the Organization", async () => {
    const e = await enterpriseToChange();
    const newName = `变更后科技${Date.now() % 100000}有限公司`;
    const { orderId, input } = await submittedChange(e, newName);
    const userId = e.admin.user.id;

    await expectAppError(changeSubmitOrder({ userId, orderId, acknowledged: false }), "validation_failed");
    const submits = await Promise.allSettled(Array.from({ length: 20 }, () => changeSubmitOrder({ userId, orderId, acknowledged: true })));
    expect(submits.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    let order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({ status: "IN_REVIEW", kind: "CHANGE", priceFen: 10000, changesCertificateId: e.sign.id });
    // Until the change is issued, the Organization and the old certificate are untouched.
    expect((await db.organization.findUniqueOrThrow({ where: { id: e.org.id } })).name).toBe(e.enterprise.name);

    const [r1, r2] = await Promise.all([createUser({ role: "CA_REVIEWER" }), createUser({ role: "CA_REVIEWER" })]);
    expect(await approveOrder({ user: r1, input: { orderId } })).toMatchObject({ outcome: "AWAITING_SECOND_REVIEWER" });
    expect(await approveOrder({ user: r2, input: { orderId } })).toMatchObject({ outcome: "APPROVED" });
    order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.status).toBe("AWAITING_PAYMENT");
    await db.$transaction((tx) => onOrderPaid(tx, { orderId, paymentId: "test-payment" }));
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("APPROVED");
    expect(await ocspText(e.sign)).toContain("Cert Status: good");

    // 8 parallel downloads: each takes two keygens, and an account has 20 keygens an hour (2 spent on its first certificate).
    const downloads = await Promise.allSettled(Array.from({ length: 8 }, () => downloadAsPhone(userId, orderId, PIN)));
    const failures = downloads.flatMap((d) => (d.status === "rejected" ? [String((d.reason as Error).message)] : []));
    expect(downloads.filter((d) => d.status === "fulfilled"), [...new Set(failures)].join("; ")).toHaveLength(1);
    const fresh = await db.certificate.findMany({ where: { orderId } });
    expect(fresh).toHaveLength(2);
    expect(fresh.every((c) => c.subjectName === newName && c.status === "VALID" && c.userId === userId && c.orgId === e.org.id)).toBe(true);
    const newSign = fresh.find((c) => c.usage === "SIGN")!;
    expect(opensslOk(["x509", "-inform", "DER", "-in", scratch.write(`new-${++n}.der`, newSign.der), "-noout", "-subject", "-nameopt", "utf8"])).toContain(newName);

    // The old pair: revoked once, reason superseded (RFC 5280 code 4), on OCSP as OpenSSL reads it.
    const old = await db.certificate.findMany({ where: { id: { in: [e.sign.id, e.enc.id] } } });
    expect(old.map((c) => [c.status, c.revocationReason])).toEqual([["REVOKED", 4], ["REVOKED", 4]]);
    const revokedRows = await db.auditLog.count({ where: { action: "certificate.revoked", targetId: { in: [e.sign.id, e.enc.id] } } });
    expect(revokedRows).toBe(2);
    const oldOcsp = await ocspText(e.sign);
    expect(oldOcsp).toContain("Cert Status: revoked");
    expect(oldOcsp, oldOcsp).toMatch(/Reason: superseded/i);
    expect(await ocspText(newSign)).toContain("Cert Status: good");

    const seal = await db.seal.findUniqueOrThrow({ where: { id: e.seal.id } });
    expect(seal).toMatchObject({ status: "VOIDED", voidReason: "certificate_superseded", needsReapply: true });
    const org = await db.organization.findUniqueOrThrow({ where: { id: e.org.id } });
    expect(org).toMatchObject({ name: newName, uscc: e.enterprise.uscc, legalRepName: "赵新", legalRepIdNumber: input.legalRepIdNumber, address: input.address });
    const changed = await db.auditLog.findMany({ where: { action: "certificate.changed", targetId: orderId } });
    expect(changed).toHaveLength(1);
    expect(changed[0]!.data).toMatchObject({ oldSerialHex: e.sign.serialHex, newSerials: expect.arrayContaining([newSign.serialHex]), fields: expect.arrayContaining(["name", "legalRepName", "address"]) });
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("COMPLETED");
    // The other members' certificates are not this change's: they stay VALID under the old name.
    expect((await db.certificate.findFirstOrThrow({ where: { orderId: e.alice.order.id, usage: "SIGN" } })).status).toBe("VALID");
  }, 240_000);

  it("the USCC stays; a member without certs.manage cannot start it; 20 parallel starts open one order; nothing changed is refused", async () => {
    const e = await enterpriseToChange();
    const userId = e.admin.user.id;
    const aliceSign = await db.certificate.findFirstOrThrow({ where: { orderId: e.alice.order.id, usage: "SIGN" } });
    await expectAppError(createChangeOrder({ userId: e.alice.user.id, certificateId: aliceSign.id }), "forbidden");
    await expectAppError(createChangeOrder({ userId: e.bob.user.id, certificateId: e.sign.id }), "not_found");
    expect((await listChangeableCertificates({ userId: e.alice.user.id }))[0]).toMatchObject({ id: aliceSign.id, isMemberOnly: true });

    const starts = await Promise.allSettled(Array.from({ length: 20 }, () => createChangeOrder({ userId, certificateId: e.sign.id })));
    expect(starts.some((s) => s.status === "fulfilled")).toBe(true);
    expect(await db.order.count({ where: { kind: "CHANGE", changesCertificateId: e.sign.id } })).toBe(1);
    const { orderId } = await createChangeOrder({ userId, certificateId: e.sign.id });
    await confirmChangeInfo({ userId, orderId });
    const bank = { bankAccount: "0200001009000012345", bankName: "中国工商银行", bankBranch: "北京分行营业部" };
    const refused = await expectAppError(saveEnterpriseStep({ userId, orderId, input: { ...e.enterprise, ...bank, uscc: uniqueUscc() } }), "validation_failed");
    expect(refused.fields?.uscc).toEqual(["lifecycleChange.errors.usccFixed"]);
    // Unchanged details: checked, but there is nothing to submit.
    const started = await saveEnterpriseStep({ userId, orderId, input: { ...e.enterprise, ...bank } });
    await confirmDepositCode({ userId, checkId: started.checkId!, code: await depositCode(e.admin.user.phone) });
    await completeStepCheck({ userId, orderId, which: "subject" });
    await materials(orderId, ["BUSINESS_LICENSE", "CHANGE_NOTICE"]);
    await completeMaterialsStep({ userId, orderId });
    await expectAppError(changeSubmitOrder({ userId, orderId, acknowledged: true }), "validation_failed", "lifecycleChange.errors.nothingChanged");
  }, 240_000);
});

describe("证书变更 of a personal certificate", () => {
  it("the name changes (ID number fixed), free on a channel without a change price: approved straight to download", async () => {
    const channel = await createChannel();
    const user = await createUser();
    const person = { name: "王旧名", idType: "RESIDENT_ID", idNumber: uniqueIdNumber(), phone: uniquePhone(), email: "p@example.test" };
    const now = new Date();
    const source = await db.order.create({
      data: {
        no: generateOrderNo(), userId: user.id, channelId: channel.id, subjectType: "INDIVIDUAL", subjectKey: person.idNumber, subjectName: person.name,
        status: "APPROVED", step: "pay", verificationMethod: "PHONE3", draft: { person }, years: 1, priceFen: 9800, submittedAt: now, paidAt: now, approvedAt: now,
      },
    });
    await downloadAsPhone(user.id, source.id, PIN);
    const sign = await db.certificate.findFirstOrThrow({ where: { orderId: source.id, usage: "SIGN" } });
    const { orderId } = await createChangeOrder({ userId: user.id, certificateId: sign.id });
    expect(await firstIncompleteStep(await db.order.findUniqueOrThrow({ where: { id: orderId } }))).toBe("person");
    await confirmChangeInfo({ userId: user.id, orderId });
    const refused = await expectAppError(savePersonStep({ userId: user.id, orderId, input: { ...person, name: "王新名", idNumber: uniqueIdNumber() } }), "validation_failed");
    expect(refused.fields?.idNumber).toEqual(["lifecycleChange.errors.idNumberFixed"]);
    const saved = await savePersonStep({ userId: user.id, orderId, input: { ...person, name: "王新名" } });
    expect(saved.status).toBe("PASSED");
    await materials(orderId, ["ID_FRONT", "ID_BACK"]);
    await completeMaterialsStep({ userId: user.id, orderId });
    await changeSubmitOrder({ userId: user.id, orderId, acknowledged: true });
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).priceFen).toBe(0);
    const reviewer = await createUser({ role: "CA_REVIEWER" });
    await approveOrder({ user: reviewer, input: { orderId } });
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("APPROVED");
    await downloadAsPhone(user.id, orderId, PIN);
    const fresh = await db.certificate.findFirstOrThrow({ where: { orderId, usage: "SIGN" } });
    expect(fresh.subjectName).toBe("王新名");
    expect(await db.certificate.findUniqueOrThrow({ where: { id: sign.id } })).toMatchObject({ status: "REVOKED", revocationReason: 4 });
    // A superseded certificate cannot be changed again.
    await expectAppError(createChangeOrder({ userId: user.id, certificateId: sign.id }), "conflict");
  }, 240_000);
});
