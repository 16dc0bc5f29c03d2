import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { createPayment } from "@/lib/server/payments/create-payment";
import { confirmSandboxPayment } from "@/lib/server/payments/confirm-sandbox-payment";
import { getPayment } from "@/lib/server/payments/get-payment";
import { createUser } from "../support/factories";
import { createTestOrder, UNIT_INVOICE_DRAFT } from "../support/provider-fixtures";

async function errorOf(p: Promise<unknown>) {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("sandbox payments", () => {
  it("shows a QR of the app's own pay page", async () => {
    const { order, user } = await createTestOrder({ status: "AWAITING_PAYMENT" });
    const r = await createPayment({ userId: user.id, orderId: order.id, method: "wechat_pay" });
    expect(r.provider).toBe("sandbox");
    expect(r.payUrl).toMatch(new RegExp(`/pay/sandbox/${r.paymentId}$`));
    expect(r.qrDataUrl).toMatch(/^data:image\/png;base64,/);
  });

  it("reuses the pending payment on a double click instead of creating two", async () => {
    const { order, user } = await createTestOrder({ status: "AWAITING_PAYMENT" });
    const [a, b] = await Promise.all([createPayment({ userId: user.id, orderId: order.id, method: "alipay" }), createPayment({ userId: user.id, orderId: order.id, method: "alipay" })]);
    expect(a.paymentId).toBe(b.paymentId);
    const c = await createPayment({ userId: user.id, orderId: order.id, method: "alipay" });
    expect(c.paymentId).toBe(a.paymentId);
    expect(await db.payment.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("pays once when the confirm button is pressed twice at the same time", async () => {
    const { order, user } = await createTestOrder({ status: "AWAITING_PAYMENT", draft: UNIT_INVOICE_DRAFT });
    const { paymentId } = await createPayment({ userId: user.id, orderId: order.id, method: "wechat_pay" });
    const results = await Promise.all([confirmSandboxPayment({ paymentId }), confirmSandboxPayment({ paymentId })]);
    expect(results.map((r) => r.outcome).sort()).toEqual(["already_paid", "paid"]);
    expect(await getPayment({ userId: user.id, paymentId })).toMatchObject({ status: "SUCCEEDED", orderStatus: expect.not.stringMatching("AWAITING_PAYMENT") });
    expect(await db.orderEvent.count({ where: { orderId: order.id, type: { startsWith: "paid" } } })).toBe(1);
    expect(await db.invoice.count({ where: { orderId: order.id } })).toBe(1);
    expect(await db.job.count({ where: { type: "notify.email", payload: { path: ["to"], equals: "finance@example.com" } } })).toBeGreaterThanOrEqual(1);
  });

  it("cancels the other method's pending payment once the order is paid", async () => {
    const { order, user } = await createTestOrder({ status: "AWAITING_PAYMENT" });
    const wechat = await createPayment({ userId: user.id, orderId: order.id, method: "wechat_pay" });
    const alipay = await createPayment({ userId: user.id, orderId: order.id, method: "alipay" });
    await confirmSandboxPayment({ paymentId: alipay.paymentId });
    expect((await getPayment({ userId: user.id, paymentId: wechat.paymentId })).status).toBe("CANCELLED");
    expect((await errorOf(confirmSandboxPayment({ paymentId: wechat.paymentId }))).code).toBe("gone");
  });

  it("only lets the owner pay an order that awaits payment", async () => {
    const { order } = await createTestOrder({ status: "AWAITING_PAYMENT" });
    const stranger = await createUser();
    expect((await errorOf(createPayment({ userId: stranger.id, orderId: order.id, method: "alipay" }))).code).toBe("not_found");
    const draft = await createTestOrder({ status: "DRAFT" });
    expect((await errorOf(createPayment({ userId: draft.user.id, orderId: draft.order.id, method: "alipay" }))).code).toBe("conflict");
  });

  it("hides a payment's status from other users", async () => {
    const { order, user } = await createTestOrder({ status: "AWAITING_PAYMENT" });
    const { paymentId } = await createPayment({ userId: user.id, orderId: order.id, method: "alipay" });
    const stranger = await createUser();
    expect((await errorOf(getPayment({ userId: stranger.id, paymentId }))).code).toBe("not_found");
  });
});
