import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { hasPermission } from "../permissions";

/**
 * Staff who already have a second factor may add or remove one only from a session that passed it:
 * otherwise an SMS code alone would let anyone enrol their own passkey and walk through the
 * requirement. Staff with none may enrol the first one (that is how they get in). Applicants'
 * passkeys are a convenience, managed from any session.
 */
export async function assertMayManageFactors({ userId, sessionId }: { userId: string; sessionId: string }) {
  const [user, session, passkeys] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true, totpEnabledAt: true } }),
    db.session.findUnique({ where: { id: sessionId }, select: { secondFactorAt: true } }),
    db.passkey.count({ where: { userId } }),
  ]);
  if (!hasPermission(user.role, "console.access")) return;
  const hasFactor = passkeys > 0 || Boolean(user.totpEnabledAt);
  if (hasFactor && !session?.secondFactorAt) throw new AppError("forbidden", { userMessage: "passkeys.errors.stepUpRequired" });
}
