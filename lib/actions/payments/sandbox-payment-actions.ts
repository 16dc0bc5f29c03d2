"use server";
import { z } from "zod";
import { publicAction } from "@/lib/server/http/public-action";
import { confirmSandboxPayment } from "@/lib/server/payments/confirm-sandbox-payment";
import { ZId } from "@/lib/validators/id";

// No login on purpose: like a real payment QR, whoever opens the link may pay. The sandbox only.
export const confirmSandboxPaymentAction = publicAction({ args: z.tuple([ZId]) }, async ({ args: [paymentId] }) => {
  const r = await confirmSandboxPayment({ paymentId });
  return { outcome: r.outcome, status: r.page.status };
});
