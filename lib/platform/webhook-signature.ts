import { createHmac, timingSafeEqual } from "node:crypto";

// Webhooks to trading platforms carry `X-CertDesk-Signature: t=<unix seconds>,v1=<hex>` where
// v1 = HMAC-SHA256(client secret, "<t>.<raw body>"). A receiver checks the MAC and refuses
// timestamps older than the tolerance, so a captured delivery cannot be replayed later. Within the
// tolerance a replay still verifies: the body carries a delivery id and a sequence (covered by this
// MAC, see webhook-delivery.ts) that the receiver uses to drop repeats and older states.
export const SIGNATURE_HEADER = "x-certdesk-signature";

/** How far a delivery's `t` may be from the receiver's clock, either way. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

type Body = string | Uint8Array;

function mac(secret: string, timestamp: number, body: Body): string {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest("hex");
}

export function signWebhook(secret: string, body: Body, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${mac(secret, timestamp, body)}`;
}

/** True when `header` is CertDesk's MAC over exactly these body bytes, made within the tolerance. */
export function verifyWebhook(
  secret: string,
  body: Body,
  header: string | null,
  { toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS, now = Date.now() } = {},
): boolean {
  const parts = Object.fromEntries((header ?? "").split(",").map((p) => p.trim().split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!/^\d{1,12}$/.test(parts.t ?? "") || !parts.v1 || Math.abs(now / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(mac(secret, t, body));
  const given = Buffer.from(parts.v1);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
