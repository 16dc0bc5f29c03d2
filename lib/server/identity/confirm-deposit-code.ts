import { z } from "zod";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { safeEqual } from "@/lib/db/keyed-hash";
import { depositCodeHash } from "./face-link";
import { finishIdentityCheck } from "./finish-identity-check";
import { DEPOSIT_MAX_ATTEMPTS, effectiveStatus, toIdentityCheckView, type IdentityCheckView } from "./identity-check-view";
import { loadVisibleCheck } from "./load-visible-check";

export const ZConfirmDepositCodeSchema = z.object({ code: z.string().trim().regex(/^\d{6}$/, "identity.errors.codeFormat") });

/**
 * Checks the 6-digit code from the transfer memo. Three wrong codes fail the check for good (the
 * user starts a new one, which sends a new transfer): a guess has 1 in 10^6 × 3 odds.
 */
export async function confirmDepositCode({ userId, checkId, code }: { userId: string; checkId: string; code: string }): Promise<IdentityCheckView> {
  const parsed = ZConfirmDepositCodeSchema.parse({ code });
  const row = await loadVisibleCheck({ userId, checkId, ownerOnly: true });
  if (row.method !== "CORP_DEPOSIT" && row.method !== "PERSONAL_DEPOSIT") throw new AppError("bad_request");
  const status = effectiveStatus(row);
  if (status === "EXPIRED") throw new AppError("code_expired", { userMessage: "identity.errors.depositExpired" });
  if (status !== "PENDING") throw new AppError("conflict", { userMessage: "identity.errors.notPending" });

  // Take an attempt before comparing, atomically: parallel guesses cannot share one attempt.
  const taken = await db.identityCheck.updateMany({
    where: { id: row.id, status: "PENDING", attempts: { lt: DEPOSIT_MAX_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  if (taken.count === 0) throw new AppError("conflict", { userMessage: "identity.errors.notPending" });

  const secret = await db.identityCheck.findUniqueOrThrow({ where: { id: row.id }, omit: { secretHash: false } });
  const ok = !!secret.secretHash && safeEqual(secret.secretHash, depositCodeHash(row.id, parsed.code));
  if (ok) {
    await db.$transaction((tx) => finishIdentityCheck(tx, { checkId: row.id, ok: true, actorId: userId }));
  } else {
    const left = DEPOSIT_MAX_ATTEMPTS - secret.attempts;
    if (left <= 0) {
      await db.$transaction((tx) => finishIdentityCheck(tx, { checkId: row.id, ok: false, reason: "code_attempts_exceeded", actorId: userId }));
      throw new AppError("code_invalid", { userMessage: "identity.errors.codeAttemptsExceeded", fields: { code: ["identity.errors.codeAttemptsExceeded"] } });
    }
    throw new AppError("code_invalid", { userMessage: "identity.errors.codeWrong", params: { left }, fields: { code: ["identity.errors.codeWrong"] } });
  }
  return toIdentityCheckView(await db.identityCheck.findUniqueOrThrow({ where: { id: row.id } }));
}
