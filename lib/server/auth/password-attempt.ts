import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { clearHits, consumeRateLimit, releaseHit } from "@/lib/server/security/rate-limit";
import { dummyHash, verifyPassword } from "./password-hash";

export const PASSWORD_LOCK = { seconds: 15 * 60, max: 5 };
const IP_ATTEMPTS = { seconds: 3600, max: 50 };

const locked = (wait: number) =>
  new AppError("locked", { userMessage: "auth.errors.passwordLocked", params: { minutes: Math.ceil(wait / 60) }, retryAfter: wait });

/**
 * One password guess for a number, counted BEFORE argon2 runs: the attempt is taken atomically
 * (per number and per address), so parallel guesses cannot outrun the lock. Five wrong guesses
 * per number lock it for 15 minutes, whether or not the number has an account or a password, and
 * whether the guess comes from the login form or the change-password form. A right guess clears
 * the number's count and gives the address its attempt back. Returns how many guesses are left
 * after a wrong one.
 */
export async function checkPasswordAttempt({ phone, ip, hash, password }: { phone: string; ip: string; hash: string | null; password: string }) {
  const key = `pw:phone:${phone}`;
  const { remaining } = await consumeRateLimit(db, key, [PASSWORD_LOCK], new Date(), { refuse: locked });
  const ipHit = await consumeRateLimit(db, `pw:ip:${ip}`, [IP_ATTEMPTS], new Date(), { refuse: locked });
  const ok = (await verifyPassword(hash ?? (await dummyHash()), password)) && hash !== null;
  if (!ok) return { ok: false as const, left: remaining };
  await clearHits(db, key);
  await releaseHit(db, ipHit.hitId);
  return { ok: true as const };
}
