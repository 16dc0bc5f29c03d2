import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { clearHits } from "@/lib/server/security/rate-limit";
import { checkVerificationCode } from "./check-verification-code";
import { hashPassword } from "./password-hash";
import type { TResetPassword } from "./auth.types";

/** Forgot password: an SMS code to the account's number sets a new password, lifts the lock and ends all sessions. */
export async function resetPassword({ phone, code, password, ip }: TResetPassword & { ip: string }) {
  // No code is ever sent to a number without an account, so an unknown number fails here like a wrong code.
  await checkVerificationCode({ phone, purpose: "RESET_PASSWORD", code });
  const user = await db.user.findUnique({ where: { phone } });
  if (!user) throw new AppError("code_invalid");
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await clearHits(tx, `pw:phone:${phone}`);
    await writeAudit(tx, { actorId: user.id, action: "auth.password_reset", targetType: "user", targetId: user.id, ip });
  });
}
