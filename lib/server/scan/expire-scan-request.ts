import { db } from "@/lib/db/client";
import { queueScanWebhook } from "./queue-scan-webhook";

/**
 * Job handler (scan.expire): requests created before the worker's sweep (expireDueScanRequests)
 * queued this job for their expiresAt, and such jobs still run. A request nobody finished in time
 * ends EXPIRED, once (a conditional update from PENDING or SCANNED), and the platform's webhook for
 * it is queued in the same transaction. A request that completed, was declined or failed first is
 * left alone. The platform's view says expired from expiresAt on in any case (platformScanView).
 */
export async function expireScanRequest({ scanRequestId }: { scanRequestId: string }, now = new Date()) {
  // (No wakeWorker: this runs inside the worker, which finds the queued webhook on its next tick.)
  await db.$transaction(async (tx) => {
    const done = await tx.scanRequest.updateMany({
      where: { id: scanRequestId, status: { in: ["PENDING", "SCANNED"] }, expiresAt: { lte: now } },
      data: { status: "EXPIRED", tokenSealed: null },
    });
    if (done.count === 1) await queueScanWebhook(tx, { scanRequestId });
  });
}
