import type { CodePurpose } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { safeEqual } from "@/lib/db/keyed-hash";
import { CODE_MAX_ATTEMPTS } from "./code-policy";
import { codeHash } from "./send-verification-code";

/**
 * Consumes the newest live code for (phone, purpose, context). Every guess costs one of five
 * tries, taken before the comparison; the fifth wrong guess kills the code. Throws CODE_INVALID / CODE_EXPIRED.
 * It runs in its own statements, not the caller's transaction: a rolled-back change must not
 * give a wrong guess back.
 */
export async function checkVerificationCode({
  phone,
  purpose,
  code,
  context = "",
  onWrongCode,
}: {
  phone: string;
  purpose: CodePurpose;
  code: string;
  context?: string;
  /** Called once per guess that was compared and wrong (not for a missing, expired or used-up code), before it throws. */
  onWrongCode?: (left: number) => Promise<void>;
}) {
  const now = new Date();
  const row = await db.verificationCode.findFirst({
    where: { phone, purpose, context, consumedAt: null },
    orderBy: { createdAt: "desc" },
    omit: { codeHash: false },
  });
  if (!row || row.expiresAt <= now) throw new AppError("code_expired");
  // Take the try BEFORE comparing (one conditional statement): however many guesses arrive at
  // once, at most five are ever compared with the code.
  const taken = await db.$queryRaw<Array<{ attempts: number }>>`
    UPDATE "VerificationCode" SET "attempts" = "attempts" + 1
    WHERE "id" = ${row.id} AND "consumedAt" IS NULL AND "attempts" < ${CODE_MAX_ATTEMPTS}
    RETURNING "attempts"`;
  if (taken.length === 0) throw new AppError("code_expired", { userMessage: "auth.errors.codeTooManyAttempts" });
  const attempt = Number(taken[0]!.attempts);

  if (!safeEqual(row.codeHash, codeHash(phone, purpose, context, code))) {
    const left = CODE_MAX_ATTEMPTS - attempt;
    await onWrongCode?.(Math.max(left, 0));
    if (left <= 0) {
      await db.verificationCode.updateMany({ where: { id: row.id, consumedAt: null }, data: { consumedAt: now } });
      throw new AppError("code_expired", { userMessage: "auth.errors.codeTooManyAttempts" });
    }
    throw new AppError("code_invalid", { userMessage: "auth.errors.codeWrong", params: { left } });
  }
  const consumed = await db.verificationCode.updateMany({ where: { id: row.id, consumedAt: null }, data: { consumedAt: now } });
  if (consumed.count === 0) throw new AppError("code_expired");
}
