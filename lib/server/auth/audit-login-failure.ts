import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { LoginFailureReason } from "@/lib/server/audit/audit-actions";
import { maskPhone } from "./session-user";

/**
 * A refused login that was evaluated (a password compared, a code compared, an account found
 * disabled) is audited in its own transaction, so the row stays although the login throws next.
 * The number is masked; the password or code never reaches this function.
 */
export async function auditLoginFailure({
  phone,
  method,
  reason,
  userId,
  left,
  ip,
}: {
  phone: string;
  method: "password" | "sms";
  reason: LoginFailureReason;
  userId?: string;
  left?: number;
  ip?: string | null;
}) {
  await db.$transaction(async (tx) => {
    // The account the attempt was against, when there is one ("-" for a number without an account).
    const targetId = userId ?? (await tx.user.findUnique({ where: { phone }, select: { id: true } }))?.id ?? "-";
    await writeAudit(tx, { action: "auth.login_failed", targetType: "user", targetId, data: { method, phone: /^\d{11}$/.test(phone) ? maskPhone(phone) : "-", reason, left }, ip });
  });
}
