import { db } from "@/lib/db/client";

export async function revokeSession({ sessionId }: { sessionId: string }) {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}
