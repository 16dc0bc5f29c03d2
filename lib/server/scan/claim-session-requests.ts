import { db } from "@/lib/db/client";
import { wakeWorker } from "@/lib/server/jobs/start-worker";
import { queueScanWebhook } from "./queue-scan-webhook";
import { SCAN_TYPE_FROM_DB } from "./scan.types";

/**
 * The phone's poll (会话签章): sign requests that platforms sent into this user's open sessions
 * are claimed for the user (as a scan would) and returned with what the confirmation needs. A
 * request naming a session of another platform or another user is never matched.
 */
export async function claimSessionRequests({ userId }: { userId: string }) {
  const now = new Date();
  const sessions = await db.scanSession.findMany({ where: { userId, endedAt: null, expiresAt: { gt: now } } });
  for (const session of sessions) {
    const waiting = await db.scanRequest.findMany({
      where: { targetSessionId: session.id, status: "PENDING", platformId: session.platformId, type: "SIGN", expiresAt: { gt: now } },
      orderBy: { createdAt: "asc" },
      take: 10,
    });
    // The session's platform's webhook URL, read once for all the requests it claims.
    const webhookUrl = waiting.length === 0 ? null : ((await db.tradingPlatform.findUnique({ where: { id: session.platformId }, select: { webhookUrl: true } }))?.webhookUrl ?? null);
    for (const row of waiting) {
      await db.$transaction(async (tx) => {
        const [claimed] = await tx.scanRequest.updateManyAndReturn({
          where: { id: row.id, status: "PENDING" },
          data: { status: "SCANNED", userId, scannedAt: now, sessionId: session.id, tokenSealed: null },
        });
        if (claimed) await queueScanWebhook(tx, { row: claimed, webhookUrl });
      });
    }
    if (waiting.length > 0) wakeWorker();
  }
  const mine = await db.scanRequest.findMany({
    where: { userId, status: "SCANNED", expiresAt: { gt: now }, session: { endedAt: null, expiresAt: { gt: now } } },
    include: { platform: { select: { name: true, nameEn: true } }, session: true },
    orderBy: { createdAt: "asc" },
  });
  return mine.map((r) => ({
    id: r.id,
    type: SCAN_TYPE_FROM_DB[r.type],
    platform: r.platform,
    payload: r.payload as { title?: string; digest?: string; document?: unknown; withSeal?: boolean },
    expiresAt: r.expiresAt.toISOString(),
    session: { id: r.session!.id, certificateId: r.session!.certificateId, autoConfirm: r.session!.autoConfirm, expiresAt: r.session!.expiresAt.toISOString() },
  }));
}
