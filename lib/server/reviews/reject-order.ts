import { ReviewDecision } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { assertPermission } from "@/lib/server/auth/permissions";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { db } from "@/lib/db/client";
import { wakeWorker } from "@/lib/server/jobs/start-worker";
import { transitionOrder } from "@/lib/server/orders/transition-order";
import { reissueDecideRecovery } from "@/lib/server/orders/reissue-decide-recovery";
import { findWizard, wizardSteps } from "@/lib/server/orders/wizard-steps";
import { auditRefusedDecision } from "./audit-refused-decision";
import { lockOrderForReview } from "./lock-order-for-review";
import { notifyReviewOutcome } from "./notify-review-outcome";
import { ZRejectOrderSchema } from "./review.types";

/**
 * Sends the order back with a reason the applicant sees and corrects from. One rejection is
 * enough even on a four-eyes channel (two people are needed to let an order through, not to stop
 * it). Mail-in orders can be rejected before the paper arrives (wrong address, withdrawn).
 */
export async function rejectOrder(args: { user: Pick<SessionUser, "id" | "role">; input: unknown; ip?: string }) {
  const orderId = ZRejectOrderSchema.safeParse(args.input).data?.orderId;
  return auditRefusedDecision({ userId: args.user.id, orderId, decision: "reject", ip: args.ip }, () => reject(args));
}

async function reject({ user, input, ip }: { user: Pick<SessionUser, "id" | "role">; input: unknown; ip?: string }) {
  assertPermission(user, "orders.review");
  const parsed = ZRejectOrderSchema.parse(input);
  const { orderId, reason } = parsed;
  const step = parsed.step || null;
  await db
    .$transaction(async (tx) => {
      const order = await lockOrderForReview(tx, { orderId, reviewerId: user.id, statuses: ["IN_REVIEW", "AWAITING_PAPER"] });
      // The step must be one of this order's wizard (an individual has no 经办人, the mail-in path no uploads).
      const draft = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { kind: true, subjectType: true, offline: true, draft: true } });
      if (step && !(findWizard(draft) && wizardSteps(draft).includes(step))) throw new AppError("validation_failed", { userMessage: "review.errors.badStep" });
      await tx.review.create({ data: { orderId, round: order.reviewRound, reviewerId: user.id, decision: ReviewDecision.REJECT, reason, step } });
      await writeAudit(tx, { actorId: user.id, action: "review.reject", targetType: "Order", targetId: orderId, data: { round: order.reviewRound }, ip });
      await transitionOrder(tx, { orderId, to: "REJECTED", actorId: user.id, type: "rejected", note: reason, ip, data: { rejectReason: reason } });
      await reissueDecideRecovery(tx, { orderId, decision: "reject", operatorId: user.id, reason, ip });
      await notifyReviewOutcome(tx, { orderId, outcome: "rejected", reason });
    })
    .catch((err: unknown) => {
      if ((err as { code?: string }).code === "P2002") throw new AppError("conflict", { userMessage: "review.errors.alreadyReviewed" });
      throw err;
    });
  wakeWorker();
  return { outcome: "REJECTED" as const };
}
