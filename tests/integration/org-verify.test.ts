import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { confirmDepositCode } from "@/lib/server/identity/confirm-deposit-code";
import { completeStepCheck } from "@/lib/server/orders/complete-step-check";
import { confirmOrder } from "@/lib/server/orders/confirm-order";
import { createOrder } from "@/lib/server/orders/create-order";
import { saveEnterpriseStep } from "@/lib/server/orders/save-enterprise-step";
import { saveGoodsStep } from "@/lib/server/orders/save-goods-step";
import { saveHandlerStep } from "@/lib/server/orders/save-handler-step";
import { saveMethodStep } from "@/lib/server/orders/save-method-step";
import { getEnterpriseVerification } from "@/lib/server/org/get-enterprise-verification";
import { requireMember } from "@/lib/server/org/require-member";
import { startEnterpriseVerification } from "@/lib/server/org/start-enterprise-verification";
import { createUser } from "../support/factories";
import { downloadAsPhone } from "../support/phone-download";
import { expectAppError } from "../support/expect-app-error";
import { enterpriseDraft, PIN } from "./org-fixtures";
import { createChannel, depositCode, goodsInput, handlerInput } from "./orders-fixtures";
import { signUnitOrder } from "./orders-flow";

const ACCOUNT = { bankAccount: "0200001009000012345", bankName: "中国工商银行", bankBranch: "北京分行营业部" };

function verifyInput(e: ReturnType<typeof enterpriseDraft>) {
  return { name: e.name, uscc: e.uscc, legalRepName: e.legalRepName, legalRepIdType: e.legalRepIdType, legalRepIdNumber: e.legalRepIdNumber, ...ACCOUNT };
}

/** 仅认证企业: start the transfer and confirm its memo code. */
async function verifyAlone(userId: string, phone: string, e: ReturnType<typeof enterpriseDraft>) {
  const { checkId } = await startEnterpriseVerification({ userId, input: verifyInput(e) });
  return { checkId, code: await depositCode(phone) };
}

describe("对公打款 verification alone (no purchase)", () => {
  it("makes the payer ADMIN of a new enterprise (created, verified, audited via deposit); the check keeps no full ID number", async () => {
    const e = enterpriseDraft();
    const user = await createUser();
    const { checkId, code } = await verifyAlone(user.id, user.phone, e);
    expect(await db.organization.findUnique({ where: { uscc: e.uscc } })).toBeNull();
    const pending = await getEnterpriseVerification({ userId: user.id, checkId });
    expect(pending).toMatchObject({ check: { status: "PENDING", orderId: null }, enterprise: { name: e.name, uscc: e.uscc }, result: null });
    expect(pending.check.subject.legalRep).toBeUndefined();
    const row = await db.identityCheck.findUniqueOrThrow({ where: { id: checkId } });
    expect(JSON.stringify(row.subject)).not.toContain(e.legalRepIdNumber);

    await confirmDepositCode({ userId: user.id, checkId, code });
    const org = await db.organization.findUniqueOrThrow({ where: { uscc: e.uscc } });
    expect(org).toMatchObject({ name: e.name, legalRepName: e.legalRepName, legalRepIdType: "RESIDENT_ID", legalRepIdNumber: e.legalRepIdNumber, deletedAt: null });
    expect(org.verifiedAt).not.toBeNull();
    expect((await requireMember({ userId: user.id, orgId: org.id, permission: "org.delete" })).role).toBe("ADMIN");
    expect((await db.auditLog.findMany({ where: { action: "org.admin_assigned", targetId: org.id } })).map((r) => r.data)).toEqual([{ userId: user.id, via: "deposit" }]);
    expect((await db.auditLog.findFirstOrThrow({ where: { action: "org.created", targetId: org.id } })).data).toMatchObject({ uscc: e.uscc, orderId: null });
    expect((await getEnterpriseVerification({ userId: user.id, checkId })).result).toEqual({ orgId: org.id, orgName: e.name, role: "ADMIN" });
  });

  it("a second payer of the same enterprise becomes a MEMBER (via deposit); a member cannot start another; a wrong name is refused", async () => {
    const e = enterpriseDraft();
    const [a, b] = [await createUser(), await createUser()];
    const first = await verifyAlone(a.id, a.phone, e);
    await confirmDepositCode({ userId: a.id, checkId: first.checkId, code: first.code });
    const second = await verifyAlone(b.id, b.phone, { ...e, legalRepName: "王五" });
    await confirmDepositCode({ userId: b.id, checkId: second.checkId, code: second.code });
    const org = await db.organization.findUniqueOrThrow({ where: { uscc: e.uscc } });
    expect(org.legalRepName).toBe(e.legalRepName);
    expect((await requireMember({ userId: b.id, orgId: org.id })).role).toBe("MEMBER");
    expect((await requireMember({ userId: a.id, orgId: org.id })).role).toBe("ADMIN");
    expect((await db.auditLog.findMany({ where: { action: "org.member_added", targetId: org.id } })).map((r) => r.data)).toEqual([{ userId: b.id, role: "MEMBER", via: "deposit" }]);
    expect((await getEnterpriseVerification({ userId: b.id, checkId: second.checkId })).result?.role).toBe("MEMBER");

    const again = await expectAppError(startEnterpriseVerification({ userId: b.id, input: verifyInput(e) }), "conflict");
    expect(again.userMessage).toBe("orgMembers.verify.errors.alreadyMember");
    const c = await createUser();
    const wrong = await expectAppError(startEnterpriseVerification({ userId: c.id, input: verifyInput({ ...e, name: `${e.name}分公司` }) }), "validation_failed");
    expect(wrong.fields).toEqual({ name: ["orgMembers.verify.errors.nameMismatch"] });
  });

  it("an existing member's role is kept by their own passing check (CERT_ADMIN stays CERT_ADMIN)", async () => {
    const e = enterpriseDraft();
    const [a, b] = [await createUser(), await createUser()];
    // b starts before joining, a verifies and makes b a certificate administrator, then b's code comes in.
    const pendingB = await verifyAlone(b.id, b.phone, e);
    const first = await verifyAlone(a.id, a.phone, e);
    await confirmDepositCode({ userId: a.id, checkId: first.checkId, code: first.code });
    const org = await db.organization.findUniqueOrThrow({ where: { uscc: e.uscc } });
    await db.membership.create({ data: { orgId: org.id, userId: b.id, role: "CERT_ADMIN" } });
    await confirmDepositCode({ userId: b.id, checkId: pendingB.checkId, code: pendingB.code });
    expect((await requireMember({ userId: b.id, orgId: org.id })).role).toBe("CERT_ADMIN");
  });

  it("10 parallel confirmations by 10 different users for a new enterprise: one organization, exactly one ADMIN, nine MEMBERs", async () => {
    const e = enterpriseDraft();
    const users = await Promise.all(Array.from({ length: 10 }, () => createUser()));
    const started: Array<{ checkId: string; code: string }> = [];
    for (const u of users) started.push(await verifyAlone(u.id, u.phone, e));
    await Promise.all(users.map((u, i) => confirmDepositCode({ userId: u.id, checkId: started[i]!.checkId, code: started[i]!.code })));
    expect(await db.organization.count({ where: { uscc: e.uscc } })).toBe(1);
    const org = await db.organization.findUniqueOrThrow({ where: { uscc: e.uscc } });
    const roles = (await db.membership.findMany({ where: { orgId: org.id, status: "ACTIVE" } })).map((m) => m.role);
    expect(roles.filter((r) => r === "ADMIN")).toHaveLength(1);
    expect(roles.filter((r) => r === "MEMBER")).toHaveLength(9);
    expect(await db.auditLog.count({ where: { action: "org.created", targetId: org.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "org.admin_assigned", targetId: org.id } })).toBe(1);
  });

  it("one open verification per user and USCC: 10 parallel starts make one check; a repeat returns it", async () => {
    const e = enterpriseDraft();
    const user = await createUser();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => startEnterpriseVerification({ userId: user.id, input: verifyInput(e) })));
    const ids = new Set<string>();
    for (const r of results) {
      if (r.status === "fulfilled") ids.add(r.value.checkId);
      else expect((r.reason as AppError).userMessage).toBe("orgMembers.verify.errors.busy");
    }
    expect(ids.size).toBe(1);
    expect(await db.identityCheck.count({ where: { userId: user.id, orderId: null, method: "CORP_DEPOSIT" } })).toBe(1);
    const repeat = await startEnterpriseVerification({ userId: user.id, input: verifyInput(e) });
    expect(repeat).toEqual({ checkId: [...ids][0], isExisting: true });
  });

  it("a wrong code changes nothing; three wrong codes fail the check and still nothing", async () => {
    const e = enterpriseDraft();
    const user = await createUser();
    const { checkId, code } = await verifyAlone(user.id, user.phone, e);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 3; i++) await expectAppError(confirmDepositCode({ userId: user.id, checkId, code: wrong }), "code_invalid");
    expect(await db.organization.findUnique({ where: { uscc: e.uscc } })).toBeNull();
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
    expect((await getEnterpriseVerification({ userId: user.id, checkId })).check.status).toBe("FAILED");
  });

  it("an outsider cannot confirm or see someone else's verification (NOT_FOUND), and nothing is created", async () => {
    const e = enterpriseDraft();
    const [owner, outsider] = [await createUser(), await createUser()];
    const { checkId, code } = await verifyAlone(owner.id, owner.phone, e);
    await expectAppError(confirmDepositCode({ userId: outsider.id, checkId, code }), "not_found");
    await expectAppError(getEnterpriseVerification({ userId: outsider.id, checkId }), "not_found");
    expect(await db.organization.findUnique({ where: { uscc: e.uscc } })).toBeNull();
    expect((await db.identityCheck.findUniqueOrThrow({ where: { id: checkId } })).status).toBe("PENDING");
  });
});

describe("the unit wizard's enterprise verification", () => {
  it("the deposit check makes the applicant ADMIN before any download and links the order; the download keeps them ADMIN", async () => {
    const channel = await createChannel();
    const e = enterpriseDraft();
    const user = await createUser();
    const order = await createOrder({ userId: user.id, subjectType: "UNIT", channelCode: channel.code });
    await saveMethodStep({ userId: user.id, orderId: order.id, input: { method: "CORP_DEPOSIT", agreed: true } });
    const started = await saveEnterpriseStep({ userId: user.id, orderId: order.id, input: { ...e, ...ACCOUNT } });
    expect(await db.organization.findUnique({ where: { uscc: e.uscc } })).toBeNull();
    await confirmDepositCode({ userId: user.id, checkId: started.checkId!, code: await depositCode(user.phone) });

    const org = await db.organization.findUniqueOrThrow({ where: { uscc: e.uscc } });
    expect(org.verifiedAt).not.toBeNull();
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).orgId).toBe(org.id);
    expect((await requireMember({ userId: user.id, orgId: org.id, permission: "org.delete" })).role).toBe("ADMIN");
    expect((await db.auditLog.findFirstOrThrow({ where: { action: "org.created", targetId: org.id } })).data).toMatchObject({ orderId: order.id });

    await completeStepCheck({ userId: user.id, orderId: order.id, which: "subject" });
    const handler = handlerInput();
    await saveHandlerStep({ userId: user.id, orderId: order.id, input: handler });
    await saveGoodsStep({ userId: user.id, orderId: order.id, input: goodsInput() });
    await confirmOrder({ userId: user.id, orderId: order.id });
    await signUnitOrder({ userId: user.id, orderId: order.id, handlerPhone: handler.phone as string });
    const now = new Date();
    await db.order.update({ where: { id: order.id }, data: { status: "APPROVED", paidAt: now, approvedAt: now } });
    await downloadAsPhone(user.id, order.id, PIN);
    expect((await requireMember({ userId: user.id, orgId: org.id })).role).toBe("ADMIN");
    expect(await db.certificate.count({ where: { orderId: order.id, orgId: org.id } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: "org.admin_assigned", targetId: org.id } })).toBe(1);
    expect(await db.membership.count({ where: { orgId: org.id } })).toBe(1);
  });

  it("the legal representative's three-element check makes the applicant ADMIN (via claim); a second applicant's check of the same enterprise is refused as registered", async () => {
    const channel = await createChannel();
    const e = enterpriseDraft();
    const user = await createUser();
    const order = await createOrder({ userId: user.id, subjectType: "UNIT", channelCode: channel.code });
    await saveMethodStep({ userId: user.id, orderId: order.id, input: { method: "PHONE3", agreed: true } });
    const started = await saveEnterpriseStep({ userId: user.id, orderId: order.id, input: e });
    expect(started.status).toBe("PASSED");
    const org = await db.organization.findUniqueOrThrow({ where: { uscc: e.uscc } });
    expect((await requireMember({ userId: user.id, orgId: org.id })).role).toBe("ADMIN");
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).orgId).toBe(org.id);
    expect((await db.auditLog.findMany({ where: { action: "org.admin_assigned", targetId: org.id } })).map((r) => r.data)).toEqual([{ userId: user.id, via: "claim" }]);

    const other = await createUser();
    const o2 = await createOrder({ userId: other.id, subjectType: "UNIT", channelCode: channel.code });
    await saveMethodStep({ userId: other.id, orderId: o2.id, input: { method: "PHONE3", agreed: true } });
    expect((await expectAppError(saveEnterpriseStep({ userId: other.id, orderId: o2.id, input: e }), "conflict")).userMessage).toBe("orgMembers.errors.registered");
  });

  it("a deleted enterprise comes back with the payer's details and the payer as its administrator", async () => {
    const e = enterpriseDraft();
    const [a, b] = [await createUser(), await createUser()];
    const first = await verifyAlone(a.id, a.phone, e);
    await confirmDepositCode({ userId: a.id, checkId: first.checkId, code: first.code });
    const org = await db.organization.findUniqueOrThrow({ where: { uscc: e.uscc } });
    await db.organization.update({ where: { id: org.id }, data: { deletedAt: new Date() } });
    await db.membership.updateMany({ where: { orgId: org.id }, data: { status: "REMOVED", removedAt: new Date() } });
    const second = await verifyAlone(b.id, b.phone, { ...e, legalRepName: "王五" });
    await confirmDepositCode({ userId: b.id, checkId: second.checkId, code: second.code });
    const back = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(back).toMatchObject({ deletedAt: null, legalRepName: "王五" });
    expect(back.verifiedAt).not.toBeNull();
    expect((await requireMember({ userId: b.id, orgId: org.id })).role).toBe("ADMIN");
  });
});
