import { db } from "@/lib/db/client";
import { hasPermission } from "../permissions";

/** What the second-factor page needs: must this user pass one, did this session, what is enrolled. */
export async function getSecondFactorStatus({ userId, sessionId }: { userId: string; sessionId: string }) {
  const [user, session, passkeys] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true, totpEnabledAt: true } }),
    db.session.findUnique({ where: { id: sessionId }, select: { secondFactorAt: true, secondFactorMethod: true } }),
    db.passkey.count({ where: { userId } }),
  ]);
  return {
    isRequired: hasPermission(user.role, "console.access"),
    passedAt: session?.secondFactorAt ?? null,
    method: session?.secondFactorMethod ?? null,
    passkeyCount: passkeys,
    hasTotp: Boolean(user.totpEnabledAt),
  };
}
