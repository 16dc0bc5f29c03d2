import { AppError } from "@/lib/errors";
import { db } from "@/lib/server/db/client";
import { clearHits, recordHit, secondsUntilAllowed } from "@/lib/server/security/rate-limit";
import { createSession } from "./create-session";
import { dummyHash, verifyPassword } from "./password-hash";
import type { TPasswordLogin } from "./auth.types";

export const PASSWORD_LOCK = { seconds: 15 * 60, max: 5 };
const IP_FAILURES = { seconds: 3600, max: 50 };

/**
 * Five wrong passwords for a number lock password login for 15 minutes. The lock and the message
 * are the same whether or not the number has an account (or a password), so neither leaks.
 */
export async function loginWithPassword({ phone, password, ip, userAgent }: TPasswordLogin & { ip: string; userAgent?: string | null }) {
  const key = `pw:phone:${phone}`;
  const ipKey = `pw:ip:${ip}`;
  const wait = Math.max(await secondsUntilAllowed(db, key, [PASSWORD_LOCK]), await secondsUntilAllowed(db, ipKey, [IP_FAILURES]));
  if (wait > 0) {
    throw new AppError("locked", { userMessage: "auth.errors.passwordLocked", params: { minutes: Math.ceil(wait / 60) }, retryAfter: wait });
  }
  const user = await db.user.findUnique({ where: { phone }, omit: { passwordHash: false } });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user?.passwordHash || !ok) {
    await recordHit(db, key);
    await recordHit(db, ipKey);
    const left = PASSWORD_LOCK.max - (await db.rateLimitHit.count({ where: { key, createdAt: { gt: new Date(Date.now() - PASSWORD_LOCK.seconds * 1000) } } }));
    if (left <= 0) throw new AppError("locked", { userMessage: "auth.errors.passwordLocked", params: { minutes: 15 }, retryAfter: PASSWORD_LOCK.seconds });
    throw new AppError("unauthenticated", { userMessage: "auth.errors.badCredentials", params: { left } });
  }
  if (user.disabledAt) throw new AppError("forbidden", { userMessage: "auth.errors.accountDisabled" });
  await clearHits(db, key);
  return db.$transaction(async (tx) => {
    const session = await createSession(tx, { userId: user.id, method: "password", ip, userAgent });
    return { userId: user.id, sessionId: session.id };
  });
}
