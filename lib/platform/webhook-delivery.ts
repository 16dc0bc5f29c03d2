import { SIGNATURE_HEADER, WEBHOOK_TOLERANCE_SECONDS, verifyWebhook } from "./webhook-signature";

// What a webhook delivery carries besides the signature, for platforms (and the demo platform).
//
// Body (signed with v1, so every field below is covered by the MAC):
//   { "deliveryId": "<uuid>", "sequence": 2, "occurredAt": "<ISO 8601>",
//     "event": "scan_request.updated", "data": <ScanRequest> }
// Headers repeat the first three so a receiver can route or log before parsing; they are not
// under the MAC on their own, so readWebhookDelivery refuses a delivery whose headers disagree
// with its verified body.
//
// - deliveryId: one per event; a retry of the same event is the same delivery and keeps it.
// - sequence: the position of the request's status in its life (WEBHOOK_SEQUENCE); it increases
//   with every state the request reaches, so an older state arriving late has a lower number.
// - occurredAt: when the request reached that state (not when this attempt was sent).
export const DELIVERY_HEADER = "certdesk-delivery";
export const SEQUENCE_HEADER = "certdesk-sequence";
export const EVENT_TIME_HEADER = "certdesk-event-time";

export const WEBHOOK_EVENT = "scan_request.updated";

/** A request's status → its delivery sequence. Final statuses share the last number: only one is ever reached. */
export const WEBHOOK_SEQUENCE = { pending: 0, scanned: 1, completed: 2, rejected: 2, expired: 2, failed: 2 } as const;
export type WebhookStatus = keyof typeof WEBHOOK_SEQUENCE;
export const LAST_WEBHOOK_SEQUENCE = 2;

/**
 * How long a receiver must remember a delivery id: a delivery verifies while its `t` is within the
 * tolerance of the receiver's clock on either side, so for up to twice the tolerance after it arrives.
 */
export const SEEN_DELIVERY_RETENTION_SECONDS = 2 * WEBHOOK_TOLERANCE_SECONDS;

export type WebhookDelivery = {
  deliveryId: string;
  sequence: number;
  occurredAt: string;
  event: string;
  data: { id: string; status: string } & Record<string, unknown>;
};

const DELIVERY_ID = /^[A-Za-z0-9-]{8,64}$/;

function isDelivery(v: unknown): v is WebhookDelivery {
  if (typeof v !== "object" || v === null) return false;
  const d = v as Record<string, unknown>;
  const data = d.data as Record<string, unknown> | null | undefined;
  return (
    typeof d.deliveryId === "string" &&
    DELIVERY_ID.test(d.deliveryId) &&
    typeof d.sequence === "number" &&
    Number.isSafeInteger(d.sequence) &&
    d.sequence >= 0 &&
    typeof d.occurredAt === "string" &&
    !Number.isNaN(Date.parse(d.occurredAt)) &&
    typeof d.event === "string" &&
    typeof data === "object" &&
    data !== null &&
    typeof data.id === "string" &&
    typeof data.status === "string"
  );
}

/**
 * Verifies a delivery (MAC and timestamp) and returns its body, or null when it must be refused:
 * bad or stale signature, a body without delivery id / sequence / event time, or CertDesk-* headers
 * that do not match the signed body. Dropping seen ids and older sequences is the receiver's next step.
 */
export function readWebhookDelivery(
  secret: string,
  body: string | Uint8Array,
  headers: Pick<Headers, "get">,
  opts: { toleranceSeconds?: number; now?: number } = {},
): WebhookDelivery | null {
  if (!verifyWebhook(secret, body, headers.get(SIGNATURE_HEADER), opts)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof body === "string" ? body : new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    return null;
  }
  if (!isDelivery(parsed)) return null;
  const id = headers.get(DELIVERY_HEADER);
  const sequence = headers.get(SEQUENCE_HEADER);
  const time = headers.get(EVENT_TIME_HEADER);
  if (id !== null && id !== parsed.deliveryId) return null;
  if (sequence !== null && sequence !== String(parsed.sequence)) return null;
  if (time !== null && time !== parsed.occurredAt) return null;
  return parsed;
}
