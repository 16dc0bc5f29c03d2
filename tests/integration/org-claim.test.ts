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
import { requireMember } from "@/lib/server/org/require-member";
import { createUser } from "../support/factories";
import { downloadAsPhone } from "../support/phone-download";
import { expectAppError } from "../support/expect-app-error";
import { approvedEnterpriseOrder, enterpriseDraft, PIN } from "./org-fixtures";
import { createChannel, depositCode, goodsInput, handlerInput } from "./orders-fixtures";
import { signUnitOrder } from "./orders-flow";

/** The unit wizard (micro-deposit) for `enterprise`, up to and including the signed submission. */
async function claimThroughWizard(channelCode: string, enterprise: Record<string, unknown>) {
  const user = await createUser();
  const order = await createOrder({ userId: user.id, subjectType: "UNIT", channelCode });
  await saveMethodStep({ userId: user.id, orderId: order.id, input: { method: "CORP_DEPOSIT", agreed: true } });
  const input = { ...enterprise, bankAccount: "0200001009000012345", bankName: "中国工商银行", bankBranch: "北京分行营业部" };
  const started = await saveEnterpriseStep({ userId: user.id, orderId: order.id, input });
  await confirmDepositCode({ userId: user.id, checkId: started.checkId!, code: await depositCode(user.phone) });
  await completeStepCheck({ userId: user.id, orderId: order.id, which: "subject" });
  const handler = handlerInput();
  await saveHandlerStep({ userId: user.id, orderId: order.id, input: handler });
  await saveGoodsStep({ userId: user.id, orderId: order.id, input: goodsInput() });
  await confirmOrder({ userId: user.id, orderId: order.id });
  await signUnitOrder({ userId: user.id, orderId: order.id, handlerPhone: handler.phone as string });
  return { user, order };
}

describe("claim through the unit wizard", () => {
  it("submission creates the Organization from the draft (org.created) and links the order; a later draft does not overwrite it", async () => {
    const channel = await createChannel();
    const enterprise = enterpriseDraft();
    const first = await claimThroughWizard(channel.code, enterprise);
    const order = await db.order.findUniqueOrThrow({ where: { id: first.order.id } });
    expect(order.status).not.toBe("DRAFT");
    const org = await db.organization.findUniqueOrThrow({ where: { uscc: enterprise.uscc } });
    expect(order.orgId).toBe(org.id);
    expect(org).toMatchObject({
      name: enterprise.name,
      legalRepName: enterprise.legalRepName,
      legalRepIdType: "RESIDENT_ID",
      legalRepIdNumber: enterprise.legalRepIdNumber,
      legalRepPhone: enterprise.legalRepPhone,
      deletedAt: null,
    });
    // The wizard's 对公打款 verified it and made the applicant its administrator (onEnterpriseVerified).
    expect(org.verifiedAt).not.toBeNull();
    const created = await db.auditLog.findMany({ where: { action: "org.created", targetId: org.id } });
    expect(created).toHaveLength(1);
    expect(created[0]!.actorId).toBe(first.user.id);
    expect(created[0]!.data).toMatchObject({ uscc: enterprise.uscc, orderId: first.order.id });

    // The first order is approved (no longer open) and its applicant's administrator role gone: a colleague claims with other legal-rep data.
    await db.order.update({ where: { id: first.order.id }, data: { status: "APPROVED" } });
    await db.membership.updateMany({ where: { orgId: org.id, userId: first.user.id }, data: { status: "REMOVED", removedAt: new Date() } });
    const second = await claimThroughWizard(channel.code, { ...enterprise, legalRepName: "王五" });
    const after = await db.organization.findUniqueOrThrow({ where: { uscc: enterprise.uscc } });
    expect(after.legalRepName).toBe(enterprise.legalRepName);
    expect((await db.order.findUniqueOrThrow({ where: { id: second.order.id } })).orgId).toBe(org.id);
    expect(await db.auditLog.count({ where: { action: "org.created", targetId: org.id } })).toBe(1);
    expect(await db.organization.count({ where: { uscc: enterprise.uscc } })).toBe(1);
  });

  it("an individual's submission creates no organization", async () => {
    const { signedIndividualOrder } = await import("./orders-flow");
    const channel = await createChannel();
    const { order } = await signedIndividualOrder({ channelCode: channel.code });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).orgId).toBeNull();
  });

  it("the enterprise step refuses a registered enterprise (ACTIVE administrator) to outsiders, removed members and roles without certs.request; members and unclaimed ones pass", async () => {
    const channel = await createChannel();
    const enterprise = enterpriseDraft();
    const admin = await createUser();
    const seed = await approvedEnterpriseOrder({ userId: admin.id, enterprise, channelId: channel.id });
    await downloadAsPhone(admin.id, seed.id, PIN);
    const org = await db.organization.findUniqueOrThrow({ where: { uscc: enterprise.uscc } });
    expect((await requireMember({ userId: admin.id, orgId: org.id })).role).toBe("ADMIN");

    const step = async (userId: string) => {
      const order = await createOrder({ userId, subjectType: "UNIT", channelCode: channel.code });
      await saveMethodStep({ userId, orderId: order.id, input: { method: "PHONE3", agreed: true } });
      return saveEnterpriseStep({ userId, orderId: order.id, input: enterprise });
    };
    const outsider = await createUser();
    const err = await expectAppError(step(outsider.id), "conflict");
    expect(err.userMessage).toBe("orgMembers.errors.registered");
    expect(err.params).toEqual({ uscc: enterprise.uscc });

    const removed = await createUser();
    await db.membership.create({ data: { orgId: org.id, userId: removed.id, role: "MEMBER", status: "REMOVED", removedAt: new Date() } });
    await expectAppError(step(removed.id), "conflict");
    const legalRep = await createUser();
    await db.membership.create({ data: { orgId: org.id, userId: legalRep.id, role: "LEGAL_REP" } });
    await expectAppError(step(legalRep.id), "conflict");

    const member = await createUser();
    await db.membership.create({ data: { orgId: org.id, userId: member.id, role: "MEMBER" } });
    const passed = await step(member.id);
    expect(passed).toBeDefined();

    // Unregistered, and registered without an administrator: claimable.
    const fresh = await createUser();
    const order = await createOrder({ userId: fresh.id, subjectType: "UNIT", channelCode: channel.code });
    await saveMethodStep({ userId: fresh.id, orderId: order.id, input: { method: "PHONE3", agreed: true } });
    await saveEnterpriseStep({ userId: fresh.id, orderId: order.id, input: enterpriseDraft() });
    const noAdmin = enterpriseDraft();
    const someone = await createUser();
    await approvedEnterpriseOrder({ userId: someone.id, enterprise: noAdmin, channelId: channel.id });
    const claimant = await createUser();
    const o2 = await createOrder({ userId: claimant.id, subjectType: "UNIT", channelCode: channel.code });
    await saveMethodStep({ userId: claimant.id, orderId: o2.id, input: { method: "PHONE3", agreed: true } });
    await saveEnterpriseStep({ userId: claimant.id, orderId: o2.id, input: noAdmin });
  });
});

describe("administrator at download", () => {
  it("the first holder of the enterprise certificate becomes ADMIN (org.admin_assigned via claim, verifiedAt set); the next one a MEMBER (via order)", async () => {
    const channel = await createChannel();
    const enterprise = enterpriseDraft();
    const a = await createUser();
    const b = await createUser();
    const orderA = await approvedEnterpriseOrder({ userId: a.id, enterprise, channelId: channel.id });
    const orderB = await approvedEnterpriseOrder({ userId: b.id, enterprise, channelId: channel.id });
    await downloadAsPhone(a.id, orderA.id, PIN);
    const org = await db.organization.findUniqueOrThrow({ where: { uscc: enterprise.uscc } });
    expect(org.verifiedAt).not.toBeNull();
    expect((await requireMember({ userId: a.id, orgId: org.id, permission: "org.delete" })).role).toBe("ADMIN");
    const assigned = await db.auditLog.findMany({ where: { action: "org.admin_assigned", targetId: org.id } });
    expect(assigned.map((r) => r.data)).toEqual([{ userId: a.id, via: "claim" }]);
    expect(await db.certificate.count({ where: { orderId: orderA.id, orgId: org.id, userId: a.id } })).toBe(2);

    await downloadAsPhone(b.id, orderB.id, PIN);
    expect((await requireMember({ userId: b.id, orgId: org.id })).role).toBe("MEMBER");
    const added = await db.auditLog.findMany({ where: { action: "org.member_added", targetId: org.id } });
    expect(added.map((r) => r.data)).toEqual([{ userId: b.id, role: "MEMBER", via: "order" }]);
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).verifiedAt).toEqual(org.verifiedAt);

    // The administrator downloading another certificate stays administrator.
    const again = await approvedEnterpriseOrder({ userId: a.id, enterprise, channelId: channel.id });
    await downloadAsPhone(a.id, again.id, PIN);
    expect((await requireMember({ userId: a.id, orgId: org.id })).role).toBe("ADMIN");
    expect(await db.membership.count({ where: { orgId: org.id, status: "ACTIVE" } })).toBe(2);
  });

  it("10 parallel first downloads of two claimants' orders of one enterprise: one download per order, exactly one ADMIN, the other claimant MEMBER", async () => {
    const channel = await createChannel();
    const enterprise = enterpriseDraft();
    const claimants = [await createUser(), await createUser()];
    const orders = await Promise.all(claimants.map((u) => approvedEnterpriseOrder({ userId: u.id, enterprise, channelId: channel.id })));
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => downloadAsPhone(claimants[i % 2]!.id, orders[i % 2]!.id, PIN)));
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok).toHaveLength(2);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("conflict");
    const org = await db.organization.findUniqueOrThrow({ where: { uscc: enterprise.uscc } });
    const members = await db.membership.findMany({ where: { orgId: org.id, status: "ACTIVE" }, select: { userId: true, role: true } });
    expect(members.filter((m) => m.role === "ADMIN")).toHaveLength(1);
    expect(members.map((m) => m.role).sort()).toEqual(["ADMIN", "MEMBER"]);
    expect(members.map((m) => m.userId).sort()).toEqual(claimants.map((u) => u.id).sort());
    expect(await db.auditLog.count({ where: { action: "org.admin_assigned", targetId: org.id } })).toBe(1);
  });

  it("10 claimants downloading at once: exactly one ADMIN, nine MEMBERs", async () => {
    const channel = await createChannel();
    const enterprise = enterpriseDraft();
    const users = await Promise.all(Array.from({ length: 10 }, () => createUser()));
    const orders = await Promise.all(users.map((u) => approvedEnterpriseOrder({ userId: u.id, enterprise, channelId: channel.id })));
    await Promise.all(users.map((u, i) => downloadAsPhone(u.id, orders[i]!.id, PIN)));
    const org = await db.organization.findUniqueOrThrow({ where: { uscc: enterprise.uscc } });
    const roles = (await db.membership.findMany({ where: { orgId: org.id, status: "ACTIVE" } })).map((m) => m.role);
    expect(roles.filter((r) => r === "ADMIN")).toHaveLength(1);
    expect(roles.filter((r) => r === "MEMBER")).toHaveLength(9);
  });

  it("an order submitted before organizations existed gets its organization at download, its certificates with it", async () => {
    const channel = await createChannel();
    const enterprise = enterpriseDraft();
    const user = await createUser();
    const order = await approvedEnterpriseOrder({ userId: user.id, enterprise, channelId: channel.id, withOrg: false });
    expect(await db.organization.findUnique({ where: { uscc: enterprise.uscc } })).toBeNull();
    await downloadAsPhone(user.id, order.id, PIN);
    const org = await db.organization.findUniqueOrThrow({ where: { uscc: enterprise.uscc } });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).orgId).toBe(org.id);
    expect(await db.certificate.count({ where: { orderId: order.id, orgId: org.id } })).toBe(2);
    expect((await requireMember({ userId: user.id, orgId: org.id })).role).toBe("ADMIN");
  });

  it("an individual's download makes no membership", async () => {
    const { createSubmittedOrder } = await import("../support/review-fixtures");
    const user = await createUser();
    const order = await createSubmittedOrder({ userId: user.id, status: "APPROVED" });
    await downloadAsPhone(user.id, order.id, PIN);
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
  });
});
