import { z } from "zod";
import { PaymentMethod, type PaymentProvider } from "@/lib/generated/prisma/enums";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getPaymentProvider } from "@/lib/payments/get-payment-provider";
import type { ChargeInput, ProviderCharge } from "@/lib/payments/payment-provider";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";

export const ZCreatePaymentSchema = z.object({ method: z.enum(PaymentMethod) });

export type CreatePaymentResult = { paymentId: string; provider: PaymentProvider; qrDataUrl?: string; payUrl?: string; clientSecret?: string };

/**
 * Starts (or resumes) paying for an order that awaits payment. A PENDING payment for the same order
 * and method is reused, so a double click or a reload shows the same QR instead of a second charge.
 */
export async function createPayment({ userId, orderId, method }: { userId: string; orderId: string; method: PaymentMethod }): Promise<CreatePaymentResult> {
  const parsed = ZCreatePaymentSchema.parse({ method });
  const provider = getPaymentProvider();

  const { payment, order } = await db.$transaction(async (tx) => {
    // Lock the order: two clicks racing here queue up, and the second finds the first's payment.
    await tx.$queryRaw`SELECT id FROM "Order" WHERE id = ${orderId} AND "userId" = ${userId} FOR UPDATE`;
    const order = await tx.order.findFirst({ where: { id: orderId, userId } });
    if (!order) throw new AppError("not_found");
    if (order.status !== "AWAITING_PAYMENT") throw new AppError("conflict", { userMessage: "payments.errors.orderNotPayable" });
    if (!order.priceFen || order.priceFen <= 0) throw new AppError("conflict", { userMessage: "payments.errors.amountInvalid" });
    const existing = await tx.payment.findFirst({
      where: { orderId, method: parsed.method, provider: provider.name, status: "PENDING", amountFen: order.priceFen },
      orderBy: { createdAt: "desc" },
    });
    if (existing) return { payment: existing, order };
    const payment = await tx.payment.create({ data: { orderId, provider: provider.name, method: parsed.method, amountFen: order.priceFen } });
    await writeAudit(tx, { actorId: userId, action: "payment.created", targetType: "Payment", targetId: payment.id, data: { orderId, method: parsed.method, amountFen: order.priceFen, provider: provider.name } });
    return { payment, order };
  });

  const input: ChargeInput = {
    paymentId: payment.id,
    orderId,
    orderNo: order.no,
    amountFen: payment.amountFen,
    method: parsed.method,
    description: `CertDesk ${order.no}`,
    returnUrl: new URL(`/orders/${orderId}`, env().APP_URL).toString(),
  };
  let charge: ProviderCharge;
  try {
    charge = payment.providerRef ? await provider.resumeCharge({ ...input, providerRef: payment.providerRef }) : await provider.createCharge(input);
  } catch (err) {
    console.error("[payments] provider call failed:", err instanceof Error ? err.name : "unknown");
    throw new AppError("provider_failed", { userMessage: "payments.errors.providerFailed", cause: err });
  }
  if (charge.providerRef !== payment.providerRef) {
    await db.payment.update({ where: { id: payment.id }, data: { providerRef: charge.providerRef } });
  }
  return { paymentId: payment.id, provider: provider.name, qrDataUrl: charge.qrDataUrl, payUrl: charge.payUrl, clientSecret: charge.clientSecret };
}
