import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { SecondFactorMethod } from "@/lib/generated/prisma/enums";

/**
 * A refused second factor (or passkey login) is audited in its own transaction: the caller's work is
 * rolled back by the error it throws next, the audit row must stay.
 */
export async function auditSecondFactorFailure({
  userId,
  method,
  reason,
  ip,
  sessionId,
}: {
  userId: string;
  method: SecondFactorMethod;
  reason: string;
  ip: string;
  sessionId?: string | null;
}) {
  await db.$transaction((tx) =>
    writeAudit(tx, { actorId: userId, action: "auth.second_factor_fail", targetType: "user", targetId: userId, data: { method, reason, sessionId: sessionId ?? null }, ip }),
  );
}
