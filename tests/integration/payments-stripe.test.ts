import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Stripe from "stripe";
import { resetEnvCache } from "@/lib/env";
import { db } from "@/lib/db/client";
import { createPayment } from "@/lib/server/payments/create-payment";
import { POST as webhook } from "@/app/api/payments/stripe/webhook/route";
import { startFakeStripeApi } from "../support/fake-stripe-api";
import { createTestOrder, UNIT_INVOICE_DRAFT } from "../support/provider-fixtures";

const WEBHOOK_SECRET = "whsec_test_certdesk_provider_tests";
let api: Awaited<ReturnType<typeof startFakeStripeApi>>;
const stripe = new Stripe("sk_test_unused");

beforeAll(async () => {
  api = await startFakeStripeApi();
  process.env.STRIPE_SECRET_KEY = "sk_test_certdesk";
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
  process.env.STRIPE_API_HOST = api.url;
  resetEnvCache();
});
afterAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  delete process.env.STRIPE_API_HOST;
  resetEnvCache();
  await api.close();
});

function event(id: string, type: string, pi: { id: string; amount: number; currency?: string; paymentId?: string }) {
  const { paymentId, ...rest } = pi;
  const metadata = paymentId === undefined ? {} : { paymentId };
  return JSON.stringify({ id, object: "event", type, api_version: "2026-10-28.endive", created: Math.floor(Date.now() / 1000), data: { object: { object: "payment_intent", amount_received: pi.amount, currency: "cny", metadata, ...rest } } });
}

function deliver(body: string, { secret = WEBHOOK_SECRET, tamper = false }: { secret?: string; tamper?: boolean } = {}) {
  const signature = stripe.webhooks.generateTestHeaderString({ payload: body, secret });
  return webhook(new Request("http://localhost/api/payments/stripe/webhook", { method: "POST", body: tamper ? body.replace("30000", "1") : body, headers: { "stripe-signature": signature, "content-type": "application/json" } }));
}

async function paidOrder() {
  const { order, user } = await createTestOrder({ status: "AWAITING_PAYMENT", draft: UNIT_INVOICE_DRAFT });
  const created = await createPayment({ userId: user.id, orderId: order.id, method: "wechat_pay" });
  const payment = await db.payment.findUniqueOrThrow({ where: { id: created.paymentId } });
  return { order, user, created, payment };
}

describe("Stripe payments", () => {
  it("creates a confirmed CNY PaymentIntent in fen for WeChat Pay, once per payment", async () => {
    const { created, payment } = await paidOrder();
    expect(created.provider).toBe("stripe");
    expect(created.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(created.clientSecret).toMatch(/_secret_/);
    const req = api.requests.find((r) => r.method === "POST" && r.body.get("metadata[paymentId]") === payment.id)!;
    expect(Object.fromEntries(req.body)).toMatchObject({
      amount: "30000",
      currency: "cny",
      "allowed_payment_method_types[0]": "wechat_pay",
      "payment_method_data[type]": "wechat_pay",
      "payment_method_options[wechat_pay][client]": "web",
      confirm: "true",
    });
    expect(req.idempotencyKey).toBe(`certdesk-payment-${payment.id}`);
    expect(req.authorization).toBe("Bearer sk_test_certdesk");
    expect(payment).toMatchObject({ provider: "stripe", status: "PENDING", amountFen: 30_000, providerRef: expect.stringMatching(/^pi_fake_/) });
  });

  it("asks Alipay for a redirect back to the order", async () => {
    const { order, user } = await createTestOrder({ status: "AWAITING_PAYMENT" });
    const created = await createPayment({ userId: user.id, orderId: order.id, method: "alipay" });
    expect(created.payUrl).toContain("alipay");
    const req = api.requests.find((r) => r.body.get("metadata[paymentId]") === created.paymentId)!;
    expect(req.body.get("return_url")).toContain(`/orders/${order.id}`);
  });

  it("refuses a webhook with a bad signature (400) and changes nothing", async () => {
    const { payment, order } = await paidOrder();
    const body = event(`evt_bad_${payment.id}`, "payment_intent.succeeded", { id: payment.providerRef!, amount: 30_000, paymentId: payment.id });
    const forged = await deliver(body, { secret: "whsec_someone_else" });
    expect(forged.status).toBe(400);
    const tampered = await deliver(body, { tamper: true });
    expect(tampered.status).toBe(400);
    const unsigned = await webhook(new Request("http://localhost/x", { method: "POST", body, headers: { "content-type": "application/json" } }));
    expect(unsigned.status).toBe(400);
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("PENDING");
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("AWAITING_PAYMENT");
    expect(await db.webhookEvent.count({ where: { id: `evt_bad_${payment.id}` } })).toBe(0);
  });

  it("marks the payment paid from a signed payment_intent.succeeded, advancing the order and invoicing it", async () => {
    const { payment, order } = await paidOrder();
    const res = await deliver(event(`evt_ok_${payment.id}`, "payment_intent.succeeded", { id: payment.providerRef!, amount: 30_000, paymentId: payment.id }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, outcome: "paid" });
    expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "SUCCEEDED", paidAt: expect.any(Date) });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).not.toBe("AWAITING_PAYMENT");
    expect(await db.invoice.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("advances once for the same event delivered twice and for two events about one intent", async () => {
    const { payment, order } = await paidOrder();
    const first = event(`evt_a_${payment.id}`, "payment_intent.succeeded", { id: payment.providerRef!, amount: 30_000, paymentId: payment.id });
    const outcomes = await Promise.all([deliver(first), deliver(first)].map(async (p) => ((await (await p).json()) as { outcome: string }).outcome));
    expect(outcomes.sort()).toEqual(["duplicate_event", "paid"]);
    const second = await deliver(event(`evt_b_${payment.id}`, "payment_intent.succeeded", { id: payment.providerRef!, amount: 30_000, paymentId: payment.id }));
    expect(((await second.json()) as { outcome: string }).outcome).toBe("already_paid");

    expect(await db.orderEvent.count({ where: { orderId: order.id, type: { startsWith: "paid" } } })).toBe(1);
    expect(await db.invoice.count({ where: { orderId: order.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { targetId: payment.id, action: "payment.succeeded" } })).toBe(1);
  });

  it("does not mark paid when the amount received differs from the order's", async () => {
    const { payment } = await paidOrder();
    const res = await deliver(event(`evt_short_${payment.id}`, "payment_intent.succeeded", { id: payment.providerRef!, amount: 100, paymentId: payment.id }));
    expect(((await res.json()) as { outcome: string }).outcome).toBe("amount_mismatch");
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("PENDING");
  });

  it("ignores intents that are not ours, and retries ours that are not stored yet", async () => {
    const foreign = await deliver(event(`evt_foreign_${Date.now()}`, "payment_intent.succeeded", { id: "pi_someone_else", amount: 500 }));
    expect(await foreign.json()).toEqual({ received: true, outcome: "ignored" });
    const early = await deliver(event(`evt_early_${Date.now()}`, "payment_intent.succeeded", { id: "pi_not_yet", amount: 30_000, paymentId: "cnotstoredyet0000000000000" }));
    expect(early.status).toBe(404);
    const { order } = await createTestOrder({ status: "AWAITING_PAYMENT" });
    // Stored by id, but the response that would set providerRef has not arrived: metadata finds it.
    const payment = await db.payment.create({ data: { orderId: order.id, provider: "stripe", method: "alipay", amountFen: 30_000 } });
    const res = await deliver(event(`evt_meta_${payment.id}`, "payment_intent.succeeded", { id: `pi_late_${payment.id}`, amount: 30_000, paymentId: payment.id }));
    expect(((await res.json()) as { outcome: string }).outcome).toBe("paid");
    expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "SUCCEEDED", providerRef: `pi_late_${payment.id}` });
  });

  it("records a failed intent without touching a paid one", async () => {
    const { payment } = await paidOrder();
    await deliver(event(`evt_f_${payment.id}`, "payment_intent.payment_failed", { id: payment.providerRef!, amount: 30_000, paymentId: payment.id }));
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("FAILED");
    await deliver(event(`evt_s_${payment.id}`, "payment_intent.succeeded", { id: payment.providerRef!, amount: 30_000, paymentId: payment.id }));
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("SUCCEEDED");
    await deliver(event(`evt_c_${payment.id}`, "payment_intent.canceled", { id: payment.providerRef!, amount: 30_000, paymentId: payment.id }));
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("SUCCEEDED");
  });
});
