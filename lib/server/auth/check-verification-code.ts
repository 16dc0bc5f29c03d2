import type { CodePurpose } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/server/db/client";
import { safeEqual } from "@/lib/server/security/keyed-hash";
import { CODE_MAX_ATTEMPTS } from "./code-policy";
import { codeHash } from "./send-verification-code";

/**
 * Consumes the newest live code for (phone, purpose, context). A wrong guess costs one of five
 * tries; the fifth wrong guess kills the code. Throws CODE_INVALID / CODE_EXPIRED.
 * It runs in its own statements, not the caller's transaction: a rolled-back change must not
 * give a wrong guess back.
 */
export async function checkVerificationCode({
  phone,
  purpose,
  code,
  context = "",
}: {
  phone: string;
  purpose: CodePurpose;
  code: string;
  context?: string;
}) {
  const now = new Date();
  const row = await db.verificationCode.findFirst({
    where: { phone, purpose, context, consumedAt: null },
    orderBy: { createdAt: "desc" },
    omit: { codeHash: false },
  });
  if (!row || row.expiresAt <= now) throw new AppError("code_expired");
  if (row.attempts >= CODE_MAX_ATTEMPTS) throw new AppError("code_expired", { userMessage: "auth.errors.codeTooManyAttempts" });

  if (!safeEqual(row.codeHash, codeHash(phone, purpose, context, code))) {
    // Conditional increment: concurrent wrong guesses cannot exceed the limit.
    const updated = await db.verificationCode.updateMany({
      where: { id: row.id, attempts: { lt: CODE_MAX_ATTEMPTS } },
      data: { attempts: { increment: 1 } },
    });
    const left = CODE_MAX_ATTEMPTS - row.attempts - 1;
    if (updated.count === 0 || left <= 0) {
      await db.verificationCode.update({ where: { id: row.id }, data: { consumedAt: now } });
      throw new AppError("code_expired", { userMessage: "auth.errors.codeTooManyAttempts" });
    }
    throw new AppError("code_invalid", { userMessage: "auth.errors.codeWrong", params: { left } });
  }
  const consumed = await db.verificationCode.updateMany({ where: { id: row.id, consumedAt: null }, data: { consumedAt: now } });
  if (consumed.count === 0) throw new AppError("code_expired");
}
