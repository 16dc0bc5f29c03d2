import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { quoteOrder } from "@/lib/server/channels/quote-order";
import { generateOrderNo } from "@/lib/server/orders/generate-order-no";
import { nextStatusAfterPayment } from "@/lib/server/orders/next-status-after-payment";
import { notifyOrder } from "@/lib/server/orders/notify-order";
import { transitionOrder } from "@/lib/server/orders/transition-order";
import { resolveOrgChannel } from "./resolve-org-channel";

/**
 * The enterprise certificate order of a member whose request the enterprise agreed to (or who is authorized
 * and buys directly): NEW, UNIT, for the organization (the enterprise's data stay in Organization; the order
 * names it by orgId, USCC and name), priced by the enterprise's channel, submitted at once: AWAITING_PAYMENT,
 * or — nothing due — where payment leads (the CA review, or APPROVED for an authorized member's request).
 * Linked to the request (OrgRequest.orderId). In the caller's transaction.
 */
export async function createMemberOrder(
  tx: Tx,
  { requestId, orgId, userId, years, actorId, isAuthorizedMember = false }: { requestId: string; orgId: string; userId: string; years: number; actorId: string; isAuthorizedMember?: boolean },
) {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { uscc: true, name: true } });
  const channel = await resolveOrgChannel(tx, { orgId });
  const quote = await quoteOrder(tx, { channelId: channel.id, subjectType: "UNIT", subjectKey: org.uscc, years, withSeal: false, medium: "CLOUD" });
  const now = new Date();
  const order = await tx.order.create({
    data: {
      no: generateOrderNo(),
      userId,
      channelId: channel.id,
      orgId,
      kind: "NEW",
      subjectType: "UNIT",
      subjectKey: org.uscc,
      subjectName: org.name,
      years,
      priceFen: quote.totalFen,
      step: "pay",
      agreedAt: now,
      signedAt: now,
    },
  });
  await tx.orderEvent.create({ data: { orderId: order.id, type: "created", toStatus: "DRAFT", actorId, note: isAuthorizedMember ? `org-request:${requestId} authorized member: no CA review once paid` : `org-request:${requestId}` } });
  await writeAudit(tx, { actorId, action: "order.created", targetType: "Order", targetId: order.id, data: { no: order.no, subjectType: "UNIT" } });
  await tx.orgRequest.update({ where: { id: requestId }, data: { orderId: order.id } });
  const to = quote.totalFen === 0 ? await nextStatusAfterPayment(tx, order) : "AWAITING_PAYMENT";
  const submitted = await transitionOrder(tx, { orderId: order.id, to, actorId, type: "submitted", note: quote.isFree ? "free" : undefined, data: { submittedAt: now } });
  await notifyOrder(tx, { orderId: order.id, event: "submitted" });
  return submitted;
}
