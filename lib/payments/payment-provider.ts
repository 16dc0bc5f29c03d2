// A payment service. The sandbox (default) needs nothing; Stripe is used when STRIPE_SECRET_KEY is
// set. Another acquirer (WeChat Pay or Alipay direct) implements the same two calls; payments are
// confirmed only by the provider's own signal (the sandbox confirm page, a verified webhook),
// never by the browser saying "paid".
import type { PaymentMethod, PaymentProvider as PaymentProviderName } from "@/lib/generated/prisma/enums";

// Payment.method and Payment.provider are enums of the schema.
export type { PaymentMethod, PaymentProviderName };

/** What the desk needs to let the payer pay: a QR to scan, a page to open, or a client secret for the provider's JS. */
export type ProviderCharge = { providerRef: string; qrDataUrl?: string; payUrl?: string; clientSecret?: string };

export type ChargeInput = {
  paymentId: string;
  orderId: string;
  orderNo: string;
  amountFen: number;
  method: PaymentMethod;
  description: string;
  /** Where a redirect-based method (Alipay) sends the payer back to. */
  returnUrl: string;
};

export interface PaymentProvider {
  readonly name: PaymentProviderName;
  /** Creates the charge. Must be idempotent per paymentId: a retried call returns the same charge. */
  createCharge(input: ChargeInput): Promise<ProviderCharge>;
  /** The same QR / page again for a charge that is still pending (a reload, a double click). */
  resumeCharge(input: ChargeInput & { providerRef: string }): Promise<ProviderCharge>;
}
