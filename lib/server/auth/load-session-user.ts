import { db } from "@/lib/db/client";
import type { SessionUser } from "./session-user";

/** The user behind a session id, or null when the session is unknown, expired, revoked or the user disabled. */
export async function loadSessionUser({ sessionId }: { sessionId: string }): Promise<SessionUser | null> {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    include: { user: { omit: { passwordHash: false } } },
  });
  if (!session || session.revokedAt || session.expiresAt <= new Date() || session.user.disabledAt) return null;
  const u = session.user;
  return {
    id: u.id,
    phone: u.phone,
    role: u.role,
    name: u.name,
    hasPassword: Boolean(u.passwordHash),
    sessionId,
    secondFactorAt: session.secondFactorAt,
  };
}
