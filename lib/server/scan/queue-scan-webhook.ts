import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { scanWebhookEvent } from "./scan-webhook-event";

/**
 * A platform with a webhook URL is told of each state its request reaches (scanned, then completed
 * or declined), retried with backoff. Called in the transaction that changed the state, so the
 * delivery's id, sequence and event time are fixed here, once: every retry sends the same ones.
 */
export async function queueScanWebhook(tx: Tx, { scanRequestId }: { scanRequestId: string }) {
  const row = await tx.scanRequest.findUniqueOrThrow({ where: { id: scanRequestId }, include: { platform: { select: { webhookUrl: true } } } });
  if (!row.platform.webhookUrl) return;
  const { sequence, occurredAt } = scanWebhookEvent(row);
  await enqueueJob(tx, {
    type: "scan.webhook",
    payload: { scanRequestId, deliveryId: randomUUID(), sequence, occurredAt: occurredAt.toISOString() },
    maxAttempts: 10,
  });
}
