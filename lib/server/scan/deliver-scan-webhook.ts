import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { openSecret } from "@/lib/db/seal";
import type { JobPayloads } from "@/lib/server/jobs/job-types";
import { signWebhook, SIGNATURE_HEADER } from "@/lib/platform/webhook-signature";
import { DELIVERY_HEADER, EVENT_TIME_HEADER, SEQUENCE_HEADER, WEBHOOK_EVENT } from "@/lib/platform/webhook-delivery";
import { scanWebhookEvent } from "./scan-webhook-event";
import type { TWebhookDelivery } from "./scan-request.types";

// Jobs queued before deliveries had ids carry only the request id: they get an id derived from
// the request and the state they report, so their retries agree too.
function legacyDeliveryId(scanRequestId: string, sequence: number): string {
  const h = createHash("sha256").update(`scan.webhook:${scanRequestId}:${sequence}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * Job handler: POSTs one state of a request to the platform, signed with its client secret. The
 * body is the request as it was when it reached that state, so every attempt sends the same bytes
 * (only the signature's timestamp moves). A delivery whose state the request has already left is
 * not sent: the later state's own delivery reports it, with a higher sequence.
 */
export async function deliverScanWebhook(payload: JobPayloads["scan.webhook"]) {
  const row = await db.scanRequest.findUniqueOrThrow({
    where: { id: payload.scanRequestId },
    include: { platform: { omit: { clientSecretEnc: false } } },
  });
  const url = row.platform.webhookUrl;
  if (!url) return;
  const now = scanWebhookEvent(row);
  const delivery =
    payload.deliveryId && payload.sequence !== undefined && payload.occurredAt
      ? { deliveryId: payload.deliveryId, sequence: payload.sequence, occurredAt: payload.occurredAt }
      : { deliveryId: legacyDeliveryId(row.id, now.sequence), sequence: now.sequence, occurredAt: now.occurredAt.toISOString() };
  const then = scanWebhookEvent(row, new Date(delivery.occurredAt));
  if (then.sequence !== delivery.sequence) return;

  const secret = new TextDecoder().decode(openSecret(row.platform.clientSecretEnc, `platform-secret:${row.platform.code}`));
  const body = JSON.stringify({ ...delivery, event: WEBHOOK_EVENT, data: then.view } satisfies TWebhookDelivery);
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      [SIGNATURE_HEADER]: signWebhook(secret, body),
      [DELIVERY_HEADER]: delivery.deliveryId,
      [SEQUENCE_HEADER]: String(delivery.sequence),
      [EVENT_TIME_HEADER]: delivery.occurredAt,
    },
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(10_000),
  });
  await res.body?.cancel().catch(() => {});
  if (!res.ok) throw new Error(`webhook ${url} answered ${res.status}`);
}
