import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { SecondFactorMethod } from "@/lib/generated/prisma/enums";

/** Records in the caller's transaction that this live session passed a second factor, with its audit row. */
export async function markSecondFactor(
  tx: Tx,
  { userId, sessionId, method, ip, data = {} }: { userId: string; sessionId: string; method: SecondFactorMethod; ip: string; data?: Record<string, unknown> },
) {
  const updated = await tx.session.updateMany({
    where: { id: sessionId, userId, revokedAt: null, expiresAt: { gt: new Date() } },
    data: { secondFactorAt: new Date(), secondFactorMethod: method },
  });
  if (updated.count !== 1) throw new AppError("unauthenticated");
  await writeAudit(tx, { actorId: userId, action: "auth.second_factor_pass", targetType: "session", targetId: sessionId, data: { method, ...data }, ip });
}
