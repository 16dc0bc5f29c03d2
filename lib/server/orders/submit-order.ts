import type { Tx } from "@/lib/db/client";
import { quoteOrder } from "@/lib/server/channels/quote-order";
import { upsertOrganizationFromOrder } from "@/lib/server/org/upsert-organization-from-order";
import { nextStatusAfterPayment } from "./next-status-after-payment";
import { notifyOrder } from "./notify-order";
import { transitionOrder } from "./transition-order";
import { openShipment } from "@/lib/server/shipping/open-shipment";

/**
 * Hands a finished draft over: to AWAITING_PAYMENT, or — when nothing is to be paid (a free
 * subject, or a re-application of an order already paid) or the channel is paid after approval —
 * straight to where payment would lead.
 * A unit's enterprise becomes (or is found as) its Organization row here, in the same transaction.
 */
export async function submitOrder(tx: Tx, { orderId, actorId, ip }: { orderId: string; actorId: string; ip?: string }) {
  await upsertOrganizationFromOrder(tx, { orderId, actorId });
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
  const quote = await quoteOrder(tx, {
    channelId: order.channelId,
    subjectType: order.subjectType,
    subjectKey: order.subjectKey,
    years: order.years ?? 1,
    withSeal: order.withSeal,
    medium: order.medium,
  });
  const isSettled = quote.totalFen === 0 || order.paidAt !== null;
  // 审核通过后支付: the application goes where payment would lead (review, paper) unpaid; one the channel
  // approves at once (an individual whose check passed) is approved now and paid next.
  const { payAfterApproval } = await tx.channel.findUniqueOrThrow({ where: { id: order.channelId }, select: { payAfterApproval: true } });
  const isPaidLater = !isSettled && payAfterApproval && order.kind === "NEW";
  const next = isSettled || isPaidLater ? await nextStatusAfterPayment(tx, order) : "AWAITING_PAYMENT";
  const to = isPaidLater && next === "APPROVED" ? "AWAITING_PAYMENT" : next;
  const updated = await transitionOrder(tx, {
    orderId,
    to,
    actorId,
    type: "submitted",
    ip,
    note: order.paidAt ? "resubmitted" : quote.isFree ? "free" : isPaidLater ? "pay_after_approval" : undefined,
    data: { submittedAt: new Date(), priceFen: order.paidAt ? order.priceFen : quote.totalFen, step: "pay", ...(isPaidLater && next === "APPROVED" ? { approvedAt: new Date() } : {}) },
  });
  // Nothing to pay (free, or paid before a re-application): a USB Key is to be shipped now.
  if (isSettled) await openShipment(tx, { orderId });
  await notifyOrder(tx, { orderId, event: "submitted" });
  return updated;
}
