import type Stripe from "stripe";
import { PaymentProvider } from "@/lib/generated/prisma/enums";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { stripeClient } from "@/lib/payments/stripe-client";
import { markPaymentFailed } from "./mark-payment-failed";
import { markPaymentSucceeded } from "./mark-payment-succeeded";

/**
 * A Stripe webhook delivery. The signature over the RAW body is checked first (a forged or altered
 * event changes nothing); then the PaymentIntent events move the payment. Other types are ignored.
 */
export async function handleStripeWebhook({ rawBody, signature }: { rawBody: string; signature: string | null }) {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!env().STRIPE_SECRET_KEY || !secret) throw new AppError("not_found");
  let event: Stripe.Event;
  try {
    event = stripeClient().webhooks.constructEvent(rawBody, signature ?? "", secret);
  } catch {
    throw new AppError("bad_request", { userMessage: "invalid signature" });
  }
  switch (event.type) {
    case "payment_intent.succeeded": {
      const pi = event.data.object;
      // Not one of ours (another integration on the same Stripe account): acknowledge and ignore.
      const paymentId = pi.metadata?.paymentId;
      if (!paymentId) return { outcome: "ignored" };
      const result = await markPaymentSucceeded({ providerRef: pi.id, paymentId, provider: PaymentProvider.stripe, eventId: event.id, eventType: event.type, amountFen: pi.amount_received || pi.amount, currency: pi.currency });
      // Ours but not stored yet: 404 rolls the event record back, so Stripe's retry is processed.
      if (result.outcome === "unknown_payment") throw new AppError("not_found");
      return result;
    }
    case "payment_intent.payment_failed":
    case "payment_intent.canceled": {
      const pi = event.data.object;
      const changed = await markPaymentFailed({ providerRef: pi.id, provider: PaymentProvider.stripe, eventId: event.id, eventType: event.type, status: event.type === "payment_intent.canceled" ? "CANCELLED" : "FAILED" });
      return { outcome: changed ? "failed" : "ignored" };
    }
    default:
      return { outcome: "ignored" };
  }
}
