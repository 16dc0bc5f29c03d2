import { db } from "@/lib/db/client";

/** The open signing session (not ended, not expired) a request may use, or null. */
export async function findOpenSession({ userId, sessionId, platformId, certificateId }: { userId: string; sessionId: string; platformId: string; certificateId?: string }) {
  return db.scanSession.findFirst({
    where: { id: sessionId, userId, platformId, endedAt: null, expiresAt: { gt: new Date() }, ...(certificateId ? { certificateId } : {}) },
  });
}
