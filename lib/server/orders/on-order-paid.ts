import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { transitionOrder } from "./transition-order";
import { nextStatusAfterPayment } from "./next-status-after-payment";
import { notifyOrder } from "./notify-order";
import { requestOrderSeal } from "@/lib/server/seals/request-order-seal";
import { openShipment } from "@/lib/server/shipping/open-shipment";

/**
 * Called by the payments domain inside the transaction that marks a payment SUCCEEDED.
 * AWAITING_PAYMENT → IN_REVIEW, APPROVED (channel auto-approves individuals whose real-name check
 * passed) or AWAITING_PAPER (mail-in path). A second call for an order already past payment is a
 * no-op, so a doubled webhook does nothing.
 */
export async function onOrderPaid(tx: Tx, { orderId, paymentId }: { orderId: string; paymentId: string }): Promise<void> {
  const order = await tx.order.findUnique({ where: { id: orderId }, include: { channel: true } });
  if (!order) throw new AppError("not_found");
  if (order.status !== "AWAITING_PAYMENT") return;
  const to = await nextStatusAfterPayment(tx, order);
  await transitionOrder(tx, {
    orderId,
    to,
    type: to === "APPROVED" ? "paid_auto_approved" : "paid",
    note: paymentId,
    data: { paidAt: new Date() },
  });
  // 同时办理电子印章: what was paid for is asked for now (the picture follows once the certificate is issued).
  await requestOrderSeal(tx, { order });
  // A paid USB Key is to be shipped: 待发货 in the console's 发货管理.
  await openShipment(tx, { orderId });
  await notifyOrder(tx, { orderId, event: "paid" });
}
