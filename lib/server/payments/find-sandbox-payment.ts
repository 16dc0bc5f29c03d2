import { PaymentMethod, PaymentProvider } from "@/lib/generated/prisma/enums";
import { isPaymentSandbox } from "@/lib/payments/get-payment-provider";
import { db } from "@/lib/db/client";

export type SandboxPaymentPage = { paymentId: string; orderNo: string; amountFen: number; method: PaymentMethod; status: string; orderStatus: string };

/**
 * What the sandbox pay page shows. Like a real payment QR it is opened on a phone without logging
 * in: whoever holds the link may pay. Only sandbox payments, only while the sandbox is active.
 */
export async function findSandboxPayment({ paymentId }: { paymentId: string }): Promise<SandboxPaymentPage | null> {
  if (!isPaymentSandbox() || !/^[a-z0-9]{10,40}$/i.test(paymentId)) return null;
  const p = await db.payment.findFirst({ where: { id: paymentId, provider: PaymentProvider.sandbox }, include: { order: { select: { no: true, status: true } } } });
  if (!p) return null;
  return { paymentId: p.id, orderNo: p.order.no, amountFen: p.amountFen, method: p.method === PaymentMethod.alipay ? PaymentMethod.alipay : PaymentMethod.wechat_pay, status: p.status, orderStatus: p.order.status };
}
