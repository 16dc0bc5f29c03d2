import QRCode from "qrcode";
import type Stripe from "stripe";
import type { ChargeInput, PaymentProvider, ProviderCharge } from "./payment-provider";
import { stripeClient } from "./stripe-client";

// What the payer does next, from the PaymentIntent: WeChat Pay shows a QR (Stripe renders it),
// Alipay redirects to its page (we draw that URL as a QR too, for paying from a phone).
async function toCharge(pi: Stripe.PaymentIntent): Promise<ProviderCharge> {
  const next = pi.next_action;
  const wechat = next?.wechat_pay_display_qr_code;
  const alipayUrl = next?.alipay_handle_redirect?.url ?? next?.redirect_to_url?.url ?? undefined;
  const payUrl = wechat?.hosted_instructions_url ?? alipayUrl;
  const qrDataUrl = wechat?.image_data_url ?? (alipayUrl ? await QRCode.toDataURL(alipayUrl, { margin: 1, width: 240 }) : undefined);
  return { providerRef: pi.id, payUrl, qrDataUrl, clientSecret: pi.client_secret ?? undefined };
}

/**
 * Stripe PaymentIntents with Alipay or WeChat Pay, amount in fen, currency CNY. The intent is
 * confirmed here so the QR / redirect is ready at once; the payment is marked paid only by the
 * signed webhook (app/api/payments/stripe/webhook).
 */
export const stripePaymentProvider: PaymentProvider = {
  name: "stripe",
  async createCharge({ paymentId, orderId, orderNo, amountFen, method, description, returnUrl }: ChargeInput) {
    const pi = await stripeClient().paymentIntents.create(
      {
        amount: amountFen,
        currency: "cny",
        // Named payment_method_types before API version 2026-10-28 (stripe-node 23 pins that version).
        allowed_payment_method_types: [method],
        payment_method_data: { type: method },
        ...(method === "wechat_pay" ? { payment_method_options: { wechat_pay: { client: "web" } } } : { return_url: returnUrl }),
        confirm: true,
        description,
        metadata: { paymentId, orderId, orderNo },
      },
      // A retried create (timeout, double click) returns the same intent instead of a second charge.
      { idempotencyKey: `certdesk-payment-${paymentId}` },
    );
    return toCharge(pi);
  },
  async resumeCharge({ providerRef }) {
    return toCharge(await stripeClient().paymentIntents.retrieve(providerRef));
  },
};
