import { createHmac, timingSafeEqual } from "node:crypto";

// Webhooks to trading platforms carry `X-CertDesk-Signature: t=<unix seconds>,v1=<hex>` where
// v1 = HMAC-SHA256(client secret, "<t>.<raw body>"). A receiver checks the MAC and refuses
// timestamps older than the tolerance, so a captured delivery cannot be replayed later.
export const SIGNATURE_HEADER = "x-certdesk-signature";

export function signWebhook(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

export function verifyWebhook(secret: string, body: string, header: string | null, { toleranceSeconds = 300, now = Date.now() } = {}): boolean {
  const parts = Object.fromEntries((header ?? "").split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(now / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(`${t}.${body}`).digest("hex"));
  const given = Buffer.from(parts.v1);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
