import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { auditLoginFailure } from "./audit-login-failure";
import { checkVerificationCode } from "./check-verification-code";
import { createSession } from "./create-session";
import type { TSmsLogin } from "./auth.types";

/** SMS-code login; the first login of a number creates its account (an applicant). */
export async function loginWithSms({ phone, code, ip, userAgent }: TSmsLogin & { ip: string; userAgent?: string | null }) {
  await checkVerificationCode({
    phone,
    purpose: "LOGIN",
    code,
    onWrongCode: (left) => auditLoginFailure({ phone, method: "sms", reason: left > 0 ? "wrong_code" : "code_exhausted", left, ip }),
  });
  const existing = await db.user.findUnique({ where: { phone }, select: { id: true, disabledAt: true } });
  if (existing?.disabledAt) await auditLoginFailure({ phone, method: "sms", reason: "account_disabled", userId: existing.id, ip });
  return db.$transaction(async (tx) => {
    let user = await tx.user.findUnique({ where: { phone } });
    if (!user) {
      user = await tx.user.create({ data: { phone } });
      await writeAudit(tx, { actorId: user.id, action: "user.register", targetType: "user", targetId: user.id, data: {}, ip });
    }
    if (user.disabledAt) throw new AppError("forbidden", { userMessage: "auth.errors.accountDisabled" });
    const session = await createSession(tx, { userId: user.id, method: "sms", ip, userAgent });
    return { userId: user.id, sessionId: session.id };
  });
}
