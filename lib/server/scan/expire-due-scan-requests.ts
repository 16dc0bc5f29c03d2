import { db } from "@/lib/db/client";
import { queueScanWebhook } from "./queue-scan-webhook";

const OPEN = ["PENDING", "SCANNED"] as const;

/**
 * The job worker's sweep (each instance, at most once a second): requests nobody finished by their
 * expiresAt end EXPIRED, each once, with the platform's webhook queued in the same transaction. Until
 * then the platform's view already says expired from expiresAt on (platformScanView), so the sweep
 * only has to make the database and the webhook agree. It replaced a scan.expire job queued with
 * every request (one more statement on the hot path, three more in the worker later); jobs of that
 * type still queued run expireScanRequest. Two instances sweeping at once: the conditional update
 * re-checks the status under the row lock, so a request is expired (and reported) by one of them.
 */
export async function expireDueScanRequests({ now = new Date(), max = 500 }: { now?: Date; max?: number } = {}): Promise<number> {
  const due = await db.scanRequest.findMany({ where: { status: { in: [...OPEN] }, expiresAt: { lte: now } }, select: { id: true }, orderBy: { expiresAt: "asc" }, take: max });
  if (due.length === 0) return 0;
  return db.$transaction(async (tx) => {
    const expired = await tx.scanRequest.updateManyAndReturn({
      where: { id: { in: due.map((r) => r.id) }, status: { in: [...OPEN] }, expiresAt: { lte: now } },
      data: { status: "EXPIRED", tokenSealed: null },
      include: { platform: { select: { webhookUrl: true } } },
    });
    for (const { platform, ...row } of expired) await queueScanWebhook(tx, { row, webhookUrl: platform.webhookUrl });
    return expired.length;
  });
}
