import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { readReissueDraft } from "./reissue-draft";

/**
 * A reviewer's decision on a REISSUE order decides its key recovery too, in the review's
 * transaction (under the order's lock): the review queue is the one place where the operator
 * approves a reissue (four-eyes if the channel asks), and the approval that completes it releases
 * the escrow to the key-management centre (REQUESTED → APPROVED, conditional, so it happens once);
 * a rejection closes the recovery. Other orders: nothing to do.
 */
export async function reissueDecideRecovery(tx: Tx, { orderId, decision, operatorId, reason, ip }: { orderId: string; decision: "approve" | "reject"; operatorId: string; reason?: string; ip?: string }) {
  const order = await tx.order.findUnique({ where: { id: orderId }, select: { kind: true, draft: true } });
  if (order?.kind !== "REISSUE") return;
  const recoveryId = readReissueDraft(order.draft).reissue?.recoveryId;
  if (!recoveryId) throw new AppError("conflict", { userMessage: "lifecycleReissue.errors.noRecovery" });
  const status = decision === "approve" ? "APPROVED" : "REJECTED";
  const done = await tx.keyRecovery.updateMany({
    where: { id: recoveryId, status: "REQUESTED" },
    data: { status, decidedById: operatorId, decidedAt: new Date(), reason: reason ?? null },
  });
  if (done.count === 0) throw new AppError("conflict", { userMessage: "phone.errors.recoveryDecided" });
  const row = await tx.keyRecovery.findUniqueOrThrow({ where: { id: recoveryId }, select: { keyShareId: true } });
  await writeAudit(tx, {
    actorId: operatorId,
    action: status === "APPROVED" ? "key.recovery_approved" : "key.recovery_rejected",
    targetType: "KeyRecovery",
    targetId: recoveryId,
    data: { keyShareId: row.keyShareId, reason: reason ?? null },
    ip,
  });
}
