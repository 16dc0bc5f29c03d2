import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { TPlatformRefusalReason } from "@/lib/server/org/check-platform-authorization";
import { queueScanWebhook } from "./queue-scan-webhook";

/**
 * An enterprise certificate not authorized for the requesting platform: the scanned request ends
 * REJECTED with the reason (what the platform reads in failReason and its webhook), once (a
 * conditional update from SCANNED), with its scan.refused audit row and the webhook in the caller's
 * transaction. The certificate is noted so the organization's usage records show the refused use.
 * Returns false when another call refused (or finished) it first.
 */
export async function refuseScanRequest(
  tx: Tx,
  { userId, id, platformId, certificateId, serial, reason }: { userId: string; id: string; platformId: string; certificateId: string; serial: string; reason: TPlatformRefusalReason },
) {
  const done = await tx.scanRequest.updateMany({
    where: { id, userId, status: "SCANNED" },
    data: { status: "REJECTED", failReason: reason, certificateId, completedAt: new Date() },
  });
  if (done.count === 0) return false;
  await writeAudit(tx, { actorId: userId, action: "scan.refused", targetType: "scanRequest", targetId: id, data: { platformId, serial, reason } });
  await queueScanWebhook(tx, { scanRequestId: id });
  return true;
}
