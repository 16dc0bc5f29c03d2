import { ReviewDecision } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { assertPermission } from "@/lib/server/auth/permissions";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { db, type Tx } from "@/lib/db/client";
import { wakeWorker } from "@/lib/server/jobs/start-worker";
import { transitionOrder } from "@/lib/server/orders/transition-order";
import { reissueDecideRecovery } from "@/lib/server/orders/reissue-decide-recovery";
import { auditRefusedDecision } from "./audit-refused-decision";
import { lockOrderForReview } from "./lock-order-for-review";
import { notifyReviewOutcome } from "./notify-review-outcome";
import { ZApproveOrderSchema } from "./review.types";

export type ApproveResult = { outcome: "APPROVED" } | { outcome: "AWAITING_SECOND_REVIEWER"; approvals: number; needed: number };

/**
 * Records the reviewer's approval. On a four-eyes channel the first approval only waits for a
 * second, different reviewer; the approval that completes the count moves the order to APPROVED
 * (ready to download) and notifies the applicant, all in one transaction under the order's lock.
 */
export async function approveOrder(args: { user: Pick<SessionUser, "id" | "role">; input: unknown; ip?: string }): Promise<ApproveResult> {
  const orderId = ZApproveOrderSchema.safeParse(args.input).data?.orderId;
  return auditRefusedDecision({ userId: args.user.id, orderId, decision: "approve", ip: args.ip }, () => approve(args));
}

async function approve({ user, input, ip }: { user: Pick<SessionUser, "id" | "role">; input: unknown; ip?: string }): Promise<ApproveResult> {
  assertPermission(user, "orders.review");
  const { orderId } = ZApproveOrderSchema.parse(input);
  const result = await db
    .$transaction(async (tx) => {
      const order = await lockOrderForReview(tx, { orderId, reviewerId: user.id, statuses: ["IN_REVIEW"] });
      await tx.review.create({ data: { orderId, round: order.reviewRound, reviewerId: user.id, decision: ReviewDecision.APPROVE } });
      const approvals = await tx.review.count({ where: { orderId, round: order.reviewRound, decision: ReviewDecision.APPROVE } });
      const needed = order.requireTwoReviewers ? 2 : 1;
      await writeAudit(tx, { actorId: user.id, action: "review.approve", targetType: "Order", targetId: orderId, data: { round: order.reviewRound, approvals, needed }, ip });
      if (approvals < needed) return { outcome: "AWAITING_SECOND_REVIEWER", approvals, needed } as const;
      // A change (证书变更), and a new application submitted on a channel paid after approval (审核通过后支付),
      // is paid for after its review: an approved, unpaid, priced one awaits payment.
      // The submission recorded which way it went (submitOrder's note), so turning the switch off later
      // does not let an unpaid order through.
      const kind = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { kind: true, priceFen: true, paidAt: true } });
      const isPaidAfter = kind.kind === "CHANGE" || (kind.kind === "NEW" && (await isSubmittedToPayAfterApproval(tx, orderId)));
      const to = isPaidAfter && !kind.paidAt && (kind.priceFen ?? 0) > 0 ? "AWAITING_PAYMENT" : "APPROVED";
      await transitionOrder(tx, { orderId, to, actorId: user.id, type: "approved", ip, data: { rejectReason: null, ...(to === "AWAITING_PAYMENT" ? { approvedAt: new Date() } : {}) } });
      // A reissue's approval releases its encryption key's escrow (once, with this approval).
      await reissueDecideRecovery(tx, { orderId, decision: "approve", operatorId: user.id, ip });
      await notifyReviewOutcome(tx, { orderId, outcome: to === "AWAITING_PAYMENT" ? "approvedToPay" : "approved" });
      return { outcome: "APPROVED" } as const;
    })
    .catch(rethrowDuplicate);
  wakeWorker();
  return result;
}

async function isSubmittedToPayAfterApproval(tx: Tx, orderId: string): Promise<boolean> {
  const submitted = await tx.orderEvent.findFirst({ where: { orderId, type: "submitted" }, orderBy: { at: "desc" }, select: { note: true } });
  return submitted?.note === "pay_after_approval";
}

// The unique (orderId, round, reviewerId) index is the last line of defence for the same reviewer twice.
function rethrowDuplicate(err: unknown): never {
  if ((err as { code?: string }).code === "P2002") throw new AppError("conflict", { userMessage: "review.errors.alreadyReviewed" });
  throw err;
}
