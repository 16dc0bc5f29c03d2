import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { hashPassword } from "./password-hash";
import { checkPasswordAttempt } from "./password-attempt";
import type { TSetPassword } from "./auth.types";

/** First password after an SMS login, or a change that proves the current one. Other sessions end. */
export async function setPassword({ userId, sessionId, currentPassword, password, ip }: TSetPassword & { userId: string; sessionId: string; ip: string }) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, omit: { passwordHash: false } });
  if (user.passwordHash) {
    // The current password is a guess like any other: it counts against the number's password lock.
    const attempt = await checkPasswordAttempt({ phone: user.phone, ip, hash: user.passwordHash, password: currentPassword ?? "" });
    if (!attempt.ok) {
      throw new AppError("validation_failed", { fields: { currentPassword: ["auth.errors.currentPasswordWrong"] } });
    }
  }
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await tx.session.updateMany({ where: { userId, revokedAt: null, id: { not: sessionId } }, data: { revokedAt: new Date() } });
    await writeAudit(tx, { actorId: userId, action: user.passwordHash ? "auth.password_change" : "auth.password_set", targetType: "user", targetId: userId, ip });
  });
}
