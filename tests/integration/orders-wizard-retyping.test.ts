import { beforeAll, describe, expect, it } from "vitest";
import type { Channel } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { createOrder } from "@/lib/server/orders/create-order";
import { saveMethodStep } from "@/lib/server/orders/save-method-step";
import { saveEnterpriseStep } from "@/lib/server/orders/save-enterprise-step";
import { saveHandlerStep } from "@/lib/server/orders/save-handler-step";
import { loadHandlerStep } from "@/lib/server/orders/load-handler-step";
import { loadGoodsStep } from "@/lib/server/orders/load-goods-step";
import { loadSubjectStep } from "@/lib/server/orders/load-subject-step";
import { createUser } from "../support/factories";
import { createChannel, enterpriseInput } from "./orders-fixtures";

// Issue 18, friction 7: what the applicant typed once is not asked again — a legal representative who
// handles the application is not checked a second time, the e-mail is remembered for the next application,
// and the invoice's bank details come from the 对公账户 of step 2.

let channel: Channel;
beforeAll(async () => {
  channel = await createChannel();
});

type User = { id: string; phone: string; role: SessionUser["role"]; name: string | null };
const sessionOf = (u: User): SessionUser => ({ id: u.id, phone: u.phone, role: u.role, name: u.name, hasPassword: false, sessionId: "test", secondFactorAt: null });
const contextOf = async (user: User, orderId: string) => ({ user: sessionOf(user), order: await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { channel: true } }) });

async function unitAt(method: "PHONE3" | "CORP_DEPOSIT", user: User, over: Record<string, unknown> = {}) {
  const order = await createOrder({ userId: user.id, subjectType: "UNIT", channelCode: channel.code });
  await saveMethodStep({ userId: user.id, orderId: order.id, input: { method, agreed: true } });
  const enterprise = enterpriseInput(over);
  const outcome = await saveEnterpriseStep({ userId: user.id, orderId: order.id, input: enterprise });
  return { order, enterprise, outcome };
}

describe("not typed twice", () => {
  it("a legal representative checked at step 2 who handles it is not checked again, and the account remembers the e-mail", async () => {
    const user = await createUser();
    const { order, enterprise, outcome } = await unitAt("PHONE3", user, { legalRepPhone: user.phone });
    expect(outcome.status).toBe("PASSED");

    const step = await loadHandlerStep(await contextOf(user, order.id));
    expect(step.legalRepCheckedBy).toBe("PHONE3");
    const checksBefore = await db.identityCheck.count({ where: { orderId: order.id } });
    const saved = await saveHandlerStep({
      userId: user.id,
      orderId: order.id,
      input: { isLegalRep: true, name: enterprise.legalRepName, idType: "RESIDENT_ID", idNumber: enterprise.legalRepIdNumber, phone: user.phone, email: "faren@example.com", method: "PHONE3" },
    });
    expect(saved.status).toBe("PASSED");
    expect(saved.nextPath).toMatch(/\/goods$/);
    expect(await db.identityCheck.count({ where: { orderId: order.id } })).toBe(checksBefore);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe("faren@example.com");

    // The next application starts from the account: its phone and that e-mail.
    const next = await createOrder({ userId: user.id, subjectType: "INDIVIDUAL", channelCode: channel.code });
    await saveMethodStep({ userId: user.id, orderId: next.id, input: { method: "PHONE3", agreed: true } });
    const person = await loadSubjectStep(await contextOf(user, next.id));
    expect(person.person).toEqual({ phone: user.phone, email: "faren@example.com" });
    const otherUnit = await unitAt("CORP_DEPOSIT", user);
    expect((await loadHandlerStep(await contextOf(user, otherUnit.order.id))).defaults).toEqual({ email: "faren@example.com" });
  });

  it("after a deposit (the enterprise, not the person, was checked) the handler is checked; a handler who is someone else leaves the account's e-mail alone", async () => {
    const user = await createUser();
    const { order } = await unitAt("CORP_DEPOSIT", user);
    expect((await loadHandlerStep(await contextOf(user, order.id))).legalRepCheckedBy).toBeNull();
    const saved = await saveHandlerStep({ userId: user.id, orderId: order.id, input: { isLegalRep: false, name: "钱经办", idType: "RESIDENT_ID", idNumber: "11010519491231002X", phone: "19900000001", email: "other@example.com", method: "PHONE3" } });
    expect(await db.identityCheck.count({ where: { orderId: order.id, role: "HANDLER" } })).toBe(1);
    expect(saved.checkId).toBeTruthy();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBeNull();
  });

  it("the invoice's 开户行 and 账号 start as the 对公账户 of step 2", async () => {
    const user = await createUser();
    const { order, enterprise } = await unitAt("CORP_DEPOSIT", user);
    const goods = await loadGoodsStep(await contextOf(user, order.id));
    expect(goods.invoiceBank).toEqual({ bank: `${enterprise.bankName} ${enterprise.bankBranch}`, account: enterprise.bankAccount });
  });
});
