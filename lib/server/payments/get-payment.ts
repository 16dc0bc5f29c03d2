import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";

export type PaymentView = { paymentId: string; orderId: string; status: string; method: string | null; provider: string; amountFen: number; paidAt: string | null; orderStatus: string };

/** A payment's status for the desk's polling; NOT_FOUND unless the caller owns the order. */
export async function getPayment({ userId, paymentId }: { userId: string; paymentId: string }): Promise<PaymentView> {
  const p = await db.payment.findFirst({ where: { id: paymentId, order: { userId } }, include: { order: { select: { status: true } } } });
  if (!p) throw new AppError("not_found");
  return { paymentId: p.id, orderId: p.orderId, status: p.status, method: p.method, provider: p.provider, amountFen: p.amountFen, paidAt: p.paidAt?.toISOString() ?? null, orderStatus: p.order.status };
}
