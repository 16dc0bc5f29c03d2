import { LoginMethod, SecondFactorMethod } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 3600;

// Session.method and Session.secondFactorMethod are enums of the schema.
export type { LoginMethod, SecondFactorMethod };

/**
 * A new login session and its audit row. A passkey login (user verification required, bound to this
 * origin) is phishing-resistant, so it also counts as the session's second factor.
 */
export async function createSession(
  tx: Tx,
  { userId, method, ip, userAgent }: { userId: string; method: LoginMethod; ip: string; userAgent?: string | null },
) {
  const now = new Date();
  const secondFactor = method === LoginMethod.passkey ? { secondFactorAt: now, secondFactorMethod: SecondFactorMethod.passkey } : {};
  const session = await tx.session.create({
    data: { userId, method, ip, userAgent: userAgent?.slice(0, 300), expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000), ...secondFactor },
  });
  await tx.user.update({ where: { id: userId }, data: { lastLoginAt: now } });
  await writeAudit(tx, { actorId: userId, action: "auth.login", targetType: "user", targetId: userId, data: { method }, ip });
  return session;
}
