import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { clearHits, consumeRateLimit } from "@/lib/server/security/rate-limit";
import { openSecret } from "@/lib/db/seal";
import { auditSecondFactorFailure } from "../second-factor/audit-second-factor-failure";
import { matchTotp } from "./totp";
import { totpSecretAad } from "./totp-secret-aad";

export const TOTP_WINDOWS = [{ seconds: 15 * 60, max: 5 }];

export const totpLimitKey = (userId: string) => `totp:${userId}`;

/**
 * Checks a TOTP code for the user's enabled secret (or the pending one while setting up; a right
 * code then enables it). Each attempt is taken from the limit before the code is looked at (5 per
 * 15 minutes; a right code clears them), under the user's row lock so concurrent guesses are
 * counted one by one; a code is accepted once: only a step after the last accepted one passes.
 * A wrong code's attempt is committed before the error is thrown.
 */
export async function checkTotpCode({
  userId,
  code,
  pending = false,
  ip,
  sessionId,
}: {
  userId: string;
  code: string;
  pending?: boolean;
  ip: string;
  sessionId?: string;
}): Promise<{ step: number }> {
  const outcome = await db.$transaction(async (tx) => {
    // NO KEY UPDATE: serialises these calls per user without blocking inserts that reference the user
    // (their foreign-key check takes KEY SHARE; the audit append must never wait for this lock).
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR NO KEY UPDATE`;
    await consumeRateLimit(tx, totpLimitKey(userId), TOTP_WINDOWS);
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { totpSecret: true, totpPendingSecret: true, totpLastStep: true },
    });
    const sealed = pending ? user.totpPendingSecret : user.totpSecret;
    if (!sealed) return { ok: false as const, reason: "not_enrolled" };
    const step = matchTotp(openSecret(sealed, totpSecretAad(userId)), code, new Date());
    if (step === null) return { ok: false as const, reason: "wrong_code" };
    const taken = await tx.user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: pending ? { totpLastStep: step, totpSecret: sealed, totpPendingSecret: null, totpEnabledAt: new Date() } : { totpLastStep: step },
    });
    if (taken.count !== 1) return { ok: false as const, reason: "reused_code" };
    await clearHits(tx, totpLimitKey(userId));
    return { ok: true as const, step };
  });
  if (outcome.ok) return { step: outcome.step };
  await auditSecondFactorFailure({ userId, method: "totp", reason: outcome.reason, ip, sessionId });
  if (outcome.reason === "not_enrolled") throw new AppError("not_found", { userMessage: "passkeys.errors.totpNotEnrolled" });
  if (outcome.reason === "reused_code") throw new AppError("code_invalid", { userMessage: "passkeys.errors.totpReused" });
  throw new AppError("code_invalid", { userMessage: "passkeys.errors.totpWrong" });
}
