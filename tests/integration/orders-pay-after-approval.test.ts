import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { createPayment } from "@/lib/server/payments/create-payment";
import { confirmSandboxPayment } from "@/lib/server/payments/confirm-sandbox-payment";
import { updateChannel } from "@/lib/server/channels/update-channel";
import { approveOrder } from "@/lib/server/reviews/approve-order";
import { createUser } from "../support/factories";
import { createChannel } from "./orders-fixtures";
import { signedIndividualOrder } from "./orders-flow";

const status = async (orderId: string) => db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, paidAt: true, approvedAt: true, priceFen: true } });

async function payAs(userId: string, orderId: string) {
  const { paymentId } = await createPayment({ userId, orderId, method: "wechat_pay" });
  return confirmSandboxPayment({ paymentId });
}

async function channelWith(fields: { payAfterApproval: boolean; autoApproveIndividual?: boolean }) {
  const channel = await createChannel({ autoApproveIndividual: fields.autoApproveIndividual ?? false });
  return db.channel.update({ where: { id: channel.id }, data: { payAfterApproval: fields.payAfterApproval } });
}

// Issue 18, 审核通过后支付 as a channel option (鲁证通, 威海: pay after the CA approved; BJCA: pay first).
describe("审核通过后支付 (Channel.payAfterApproval)", () => {
  it("submits unpaid to review, approves into AWAITING_PAYMENT with a pay notice, and is APPROVED once paid", async () => {
    const channel = await channelWith({ payAfterApproval: true });
    const { user, order } = await signedIndividualOrder({ channelCode: channel.code });
    expect(await status(order.id)).toMatchObject({ status: "IN_REVIEW", paidAt: null, approvedAt: null, priceFen: 9800 });
    // Unpaid in review: no payment may be started yet.
    expect(((await createPayment({ userId: user.id, orderId: order.id, method: "alipay" }).catch((e: unknown) => e)) as AppError).code).toBe("conflict");

    const reviewer = await createUser({ role: "CA_REVIEWER" });
    expect(await approveOrder({ user: reviewer, input: { orderId: order.id } })).toEqual({ outcome: "APPROVED" });
    expect(await status(order.id)).toMatchObject({ status: "AWAITING_PAYMENT", paidAt: null, approvedAt: expect.any(Date) });
    const inbox = await db.inboxMessage.findFirstOrThrow({ where: { userId: user.id }, orderBy: { createdAt: "desc" } });
    expect(inbox).toMatchObject({ title: "申请已通过审核，请支付", link: `/orders/${order.id}` });
    expect(inbox.body).toContain("¥98.00");

    expect((await payAs(user.id, order.id)).outcome).toBe("paid");
    expect(await status(order.id)).toMatchObject({ status: "APPROVED", paidAt: expect.any(Date) });
  });

  it("keeps the rule an order was submitted under: switched off later, an unpaid approved order still waits for payment", async () => {
    const channel = await channelWith({ payAfterApproval: true });
    const { order } = await signedIndividualOrder({ channelCode: channel.code });
    const admin = await createUser({ role: "CA_ADMIN" });
    const full = await db.channel.findUniqueOrThrow({ where: { id: channel.id } });
    await updateChannel({ user: admin, input: { channelId: channel.id, name: full.name, allowedMethods: full.allowedMethods, autoApproveIndividual: false, allowNoInvoice: true, requireTwoReviewers: false, payAfterApproval: false, active: true, prices: [{ product: "INDIVIDUAL_CERT", years: 1, price: "98" }] } });
    expect((await db.channel.findUniqueOrThrow({ where: { id: channel.id } })).payAfterApproval).toBe(false);
    await approveOrder({ user: await createUser({ role: "CA_REVIEWER" }), input: { orderId: order.id } });
    expect((await status(order.id)).status).toBe("AWAITING_PAYMENT");
    // And an order submitted with the switch off is paid first, as before.
    const { order: payFirst } = await signedIndividualOrder({ channelCode: channel.code });
    expect((await status(payFirst.id)).status).toBe("AWAITING_PAYMENT");
    expect((await status(payFirst.id)).approvedAt).toBeNull();
  });

  it("an individual the channel approves at once is approved at submission and then paid", async () => {
    const channel = await channelWith({ payAfterApproval: true, autoApproveIndividual: true });
    const { user, order } = await signedIndividualOrder({ channelCode: channel.code });
    expect(await status(order.id)).toMatchObject({ status: "AWAITING_PAYMENT", approvedAt: expect.any(Date), paidAt: null });
    await payAs(user.id, order.id);
    expect((await status(order.id)).status).toBe("APPROVED");
  });
});
