import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import type { ScanRequest } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { scanWebhookEvent } from "./scan-webhook-event";

/**
 * A platform with a webhook URL is told of each state its request reaches (scanned, then completed
 * or declined), retried with backoff. Called in the transaction that changed the state, so the
 * delivery's id, sequence and event time are fixed here, once: every retry sends the same ones.
 * A caller that has the changed row (its conditional update RETURNING it) and the platform's
 * webhookUrl (read with the request earlier in the same call) passes them, saving two reads; the
 * job reads the URL again when it delivers.
 */
export async function queueScanWebhook(tx: Tx, input: { scanRequestId: string } | { row: ScanRequest; webhookUrl: string | null }) {
  const { row, webhookUrl } =
    "row" in input
      ? input
      : await tx.scanRequest
          .findUniqueOrThrow({ where: { id: input.scanRequestId }, include: { platform: { select: { webhookUrl: true } } } })
          .then(({ platform, ...row }) => ({ row, webhookUrl: platform.webhookUrl }));
  if (!webhookUrl) return;
  const { sequence, occurredAt } = scanWebhookEvent(row);
  await enqueueJob(tx, {
    type: "scan.webhook",
    payload: { scanRequestId: row.id, deliveryId: randomUUID(), sequence, occurredAt: occurredAt.toISOString() },
    maxAttempts: 10,
  });
}
