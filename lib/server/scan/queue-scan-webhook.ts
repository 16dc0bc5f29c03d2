import type { Tx } from "@/lib/server/db/client";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";

/** A platform with a webhook URL is told when its request completes or is declined (retried with backoff). */
export async function queueScanWebhook(tx: Tx, { scanRequestId }: { scanRequestId: string }) {
  const row = await tx.scanRequest.findUniqueOrThrow({ where: { id: scanRequestId }, include: { platform: true } });
  if (!row.platform.webhookUrl) return;
  await enqueueJob(tx, { type: "scan.webhook", payload: { scanRequestId }, maxAttempts: 10 });
}
