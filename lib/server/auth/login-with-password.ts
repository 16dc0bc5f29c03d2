import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { auditLoginFailure } from "./audit-login-failure";
import { createSession } from "./create-session";
import { checkPasswordAttempt } from "./password-attempt";
import type { TPasswordLogin } from "./auth.types";

export { PASSWORD_LOCK } from "./password-attempt";

/**
 * Password login. The guess is counted before it is checked (checkPasswordAttempt), and the lock
 * and the message are the same whether or not the number has an account (or a password).
 */
export async function loginWithPassword({ phone, password, ip, userAgent }: TPasswordLogin & { ip: string; userAgent?: string | null }) {
  const user = await db.user.findUnique({ where: { phone }, omit: { passwordHash: false } });
  const attempt = await checkPasswordAttempt({ phone, ip, hash: user?.passwordHash ?? null, password });
  if (!attempt.ok || !user) {
    // The guess was counted and compared (a locked number's refusals never get here): on record.
    const reason = !user ? "no_account" : !user.passwordHash ? "no_password" : "bad_password";
    await auditLoginFailure({ phone, method: "password", reason, userId: user?.id, left: attempt.ok ? 0 : attempt.left, ip });
    if (!attempt.ok && attempt.left <= 0) throw new AppError("locked", { userMessage: "auth.errors.passwordLocked", params: { minutes: 15 }, retryAfter: 15 * 60 });
    throw new AppError("unauthenticated", { userMessage: "auth.errors.badCredentials", params: { left: attempt.ok ? 0 : attempt.left } });
  }
  if (user.disabledAt) {
    await auditLoginFailure({ phone, method: "password", reason: "account_disabled", userId: user.id, ip });
    throw new AppError("forbidden", { userMessage: "auth.errors.accountDisabled" });
  }
  return db.$transaction(async (tx) => {
    const session = await createSession(tx, { userId: user.id, method: "password", ip, userAgent });
    return { userId: user.id, sessionId: session.id };
  });
}
