import type { Tx } from "@/lib/server/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 3600;

export async function createSession(
  tx: Tx,
  { userId, method, ip, userAgent }: { userId: string; method: "sms" | "password"; ip: string; userAgent?: string | null },
) {
  const session = await tx.session.create({
    data: { userId, method, ip, userAgent: userAgent?.slice(0, 300), expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) },
  });
  await tx.user.update({ where: { id: userId }, data: { lastLoginAt: new Date() } });
  await writeAudit(tx, { actorId: userId, action: "auth.login", targetType: "user", targetId: userId, data: { method }, ip });
  return session;
}
