import { AppError } from "@/lib/errors";
import type { DecisionRefusalReason } from "@/lib/server/audit/audit-actions";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { db } from "@/lib/db/client";

// The refusals a reviewer can meet on an order that exists (not_found and bad input are not recorded).
function refusalReason(error: AppError): DecisionRefusalReason | null {
  if (error.userMessage === "review.errors.ownOrder") return "own_order";
  if (error.userMessage === "review.errors.notReviewable") return "not_reviewable";
  if (error.userMessage === "review.errors.alreadyReviewed") return "already_reviewed";
  if (error.code === "forbidden") return "no_permission";
  return null;
}

/**
 * Runs an approve or reject; a refusal (no permission, own order, not in a reviewable state, a
 * second decision by the same reviewer, the four-eyes rule) is audited as order.decision_refused in
 * its own transaction, since the decision's transaction rolls back, then rethrown.
 */
export async function auditRefusedDecision<T>(
  { userId, orderId, decision, ip }: { userId: string; orderId: string | undefined; decision: "approve" | "reject"; ip?: string },
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const reason = error instanceof AppError && orderId ? refusalReason(error) : null;
    if (reason && error instanceof AppError) {
      await db.$transaction((tx) =>
        writeAudit(tx, { actorId: userId, action: "order.decision_refused", targetType: "Order", targetId: orderId!, data: { decision, reason, code: error.code }, ip }),
      );
    }
    throw error;
  }
}
