import { AppError } from "@/lib/errors";
import { db } from "@/lib/server/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { hashPassword, verifyPassword } from "./password-hash";
import type { TSetPassword } from "./auth.types";

/** First password after an SMS login, or a change that proves the current one. Other sessions end. */
export async function setPassword({ userId, sessionId, currentPassword, password, ip }: TSetPassword & { userId: string; sessionId: string; ip: string }) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, omit: { passwordHash: false } });
  if (user.passwordHash) {
    if (!currentPassword || !(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new AppError("validation_failed", { fields: { currentPassword: ["auth.errors.currentPasswordWrong"] } });
    }
  }
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await tx.session.updateMany({ where: { userId, revokedAt: null, id: { not: sessionId } }, data: { revokedAt: new Date() } });
    await writeAudit(tx, { actorId: userId, action: user.passwordHash ? "auth.password.change" : "auth.password.set", targetType: "user", targetId: userId, ip });
  });
}
