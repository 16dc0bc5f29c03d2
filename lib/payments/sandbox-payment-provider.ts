import QRCode from "qrcode";
import { env } from "@/lib/env";
import type { ChargeInput, PaymentProvider, ProviderCharge } from "./payment-provider";

export function sandboxPayUrl(paymentId: string): string {
  return new URL(`/pay/sandbox/${paymentId}`, env().APP_URL).toString();
}

async function charge({ paymentId }: ChargeInput): Promise<ProviderCharge> {
  const payUrl = sandboxPayUrl(paymentId);
  return { providerRef: `sandbox_${paymentId}`, payUrl, qrDataUrl: await QRCode.toDataURL(payUrl, { margin: 1, width: 240, errorCorrectionLevel: "M" }) };
}

/**
 * The offline default: the QR encodes this app's own /pay/sandbox/[paymentId] page, which looks
 * like the WeChat Pay / Alipay confirm screen; confirming there marks the payment paid.
 */
export const sandboxPaymentProvider: PaymentProvider = {
  name: "sandbox",
  createCharge: charge,
  resumeCharge: charge,
};
