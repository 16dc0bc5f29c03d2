import type { Order, OrderStatus } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { isReviewedRenewal } from "./renew-draft";

/**
 * Where a paid (or free) application goes: the mail-in path waits for the paper; an individual on a
 * channel that auto-approves goes straight to APPROVED once the real-name check on this order
 * passed; an enterprise member who held an ACTIVE platform authorization when asking for the enterprise
 * certificate (OrgRequest CERT, 待申领的证书) is APPROVED without CA review; everything else waits for a
 * reviewer. A re-application after rejection always goes to review. An order approved before payment
 * (a channel paid after approval) is APPROVED once paid.
 */
export async function nextStatusAfterPayment(tx: Tx, order: Pick<Order, "id" | "offline" | "subjectType" | "channelId" | "reviewRound" | "paidAt"> & { kind?: Order["kind"]; draft?: Order["draft"]; approvedAt?: Order["approvedAt"] }): Promise<OrderStatus> {
  // Approved before it was paid (审核通过后支付, Channel.payAfterApproval): paying is the last step.
  if (order.approvedAt && !order.paidAt) return "APPROVED";
  if (order.offline) return "AWAITING_PAPER";
  // A change (证书变更) is reviewed before it is paid for (change-submit-order, approveOrder): paid means approved.
  if (order.kind === "CHANGE") return "APPROVED";
  // A renewal of a certificate the CA already issued is approved once paid, unless its channel asks for
  // renewal materials: then the CA reviews them (docs/lifecycle.md).
  if (order.kind === "RENEW") return order.reviewRound === 0 && !isReviewedRenewal(order) ? "APPROVED" : "IN_REVIEW";
  if (order.subjectType === "UNIT" && order.reviewRound === 0 && (await isAuthorizedMemberOrder(tx, order.id))) return "APPROVED";
  if (order.subjectType !== "INDIVIDUAL" || order.reviewRound > 0) return "IN_REVIEW";
  const channel = await tx.channel.findUniqueOrThrow({ where: { id: order.channelId }, select: { autoApproveIndividual: true } });
  if (!channel.autoApproveIndividual) return "IN_REVIEW";
  const passed = await tx.identityCheck.findFirst({ where: { orderId: order.id, role: "APPLICANT", status: "PASSED" }, select: { id: true } });
  return passed ? "APPROVED" : "IN_REVIEW";
}

// The authorization must predate the request: one granted by approving this very request does not skip review.
async function isAuthorizedMemberOrder(tx: Tx, orderId: string): Promise<boolean> {
  const request = await tx.orgRequest.findUnique({ where: { orderId }, select: { kind: true, orgId: true, requesterId: true, createdAt: true } });
  if (request?.kind !== "CERT") return false;
  const held = await tx.platformAuthorization.count({
    where: { orgId: request.orgId, status: "ACTIVE", grantedAt: { lte: request.createdAt }, membership: { userId: request.requesterId, status: "ACTIVE" } },
  });
  return held > 0;
}
