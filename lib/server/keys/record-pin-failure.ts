import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Tx } from "@/lib/db/client";

export const PIN_MAX_FAILURES = 5;

/**
 * One wrong PIN for a key group, in the caller's transaction with the group's rows locked: the
 * count goes up for every share, the fifth locks the group (until re-verification), audited.
 */
export async function recordPinFailure(
  tx: Tx,
  { rows, shareIds, userId, keyShareId, ip }: { rows: Array<{ pinFailures: number }>; shareIds: string[]; userId: string; keyShareId: string; ip?: string },
) {
  const failures = Math.max(...rows.map((r) => r.pinFailures)) + 1;
  const isLocked = failures >= PIN_MAX_FAILURES;
  await tx.keyShare.updateMany({
    where: { id: { in: shareIds } },
    data: isLocked ? { pinFailures: failures, status: "LOCKED", lockedAt: new Date() } : { pinFailures: failures },
  });
  await writeAudit(tx, { actorId: userId, action: isLocked ? "key.locked" : "key.pin_failed", targetType: "KeyShare", targetId: keyShareId, data: { failures, group: shareIds }, ip });
  return { ok: false as const, isLocked, left: PIN_MAX_FAILURES - failures };
}

/** The answer to a wrong PIN (after the transaction that counted it committed). */
export function pinFailureError({ isLocked, left }: { isLocked: boolean; left: number }): AppError {
  return isLocked ? new AppError("locked", { userMessage: "phone.errors.keyLocked" }) : new AppError("code_invalid", { userMessage: "phone.errors.pinWrong", params: { left } });
}
