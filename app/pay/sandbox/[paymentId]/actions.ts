"use server";
import { runAction } from "@/lib/server/http/run-action";
import { confirmSandboxPayment } from "@/lib/server/payments/confirm-sandbox-payment";

// No login on purpose: like a real payment QR, whoever opens the link may pay. The sandbox only.
export async function confirmSandboxPaymentAction(paymentId: string) {
  return runAction(async () => {
    const r = await confirmSandboxPayment({ paymentId: String(paymentId) });
    return { outcome: r.outcome, status: r.page.status };
  });
}
