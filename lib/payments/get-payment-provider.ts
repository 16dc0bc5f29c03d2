import { env } from "@/lib/env";
import type { PaymentProvider } from "./payment-provider";
import { sandboxPaymentProvider } from "./sandbox-payment-provider";
import { stripePaymentProvider } from "./stripe-payment-provider";

/** Stripe when STRIPE_SECRET_KEY is set, the sandbox otherwise. */
export function getPaymentProvider(): PaymentProvider {
  return env().STRIPE_SECRET_KEY ? stripePaymentProvider : sandboxPaymentProvider;
}

export function isPaymentSandbox(): boolean {
  return !env().STRIPE_SECRET_KEY;
}
