import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { checkVerificationCode } from "./check-verification-code";
import type { TChangePhone } from "./auth.types";

/** Moves the account to a new number: one code proves the old number, another the new one. */
export async function changePhone({ userId, sessionId, oldCode, newPhone, newCode, ip }: TChangePhone & { userId: string; sessionId: string; ip: string }) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (newPhone === user.phone) throw new AppError("validation_failed", { fields: { newPhone: ["auth.errors.samePhone"] } });
  await checkVerificationCode({ phone: user.phone, purpose: "CHANGE_PHONE_OLD", code: oldCode, context: userId });
  await checkVerificationCode({ phone: newPhone, purpose: "CHANGE_PHONE_NEW", code: newCode, context: userId });
  await db.$transaction(async (tx) => {
    const taken = await tx.user.findUnique({ where: { phone: newPhone } });
    if (taken) throw new AppError("conflict", { userMessage: "auth.errors.phoneTaken" });
    await tx.user.update({ where: { id: userId }, data: { phone: newPhone } });
    await tx.session.updateMany({ where: { userId, revokedAt: null, id: { not: sessionId } }, data: { revokedAt: new Date() } });
    await writeAudit(tx, { actorId: userId, action: "auth.phone_change", targetType: "user", targetId: userId, data: { from: user.phone, to: newPhone }, ip });
  });
}
