import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook, SIGNATURE_HEADER, WEBHOOK_TOLERANCE_SECONDS } from "@/lib/platform/webhook-signature";
import { readWebhookDelivery, WEBHOOK_SEQUENCE, LAST_WEBHOOK_SEQUENCE, SEEN_DELIVERY_RETENTION_SECONDS } from "@/lib/platform/webhook-delivery";

const secret = "platform-secret-0123456789";
const body = JSON.stringify({ event: "scan_request.updated", data: { id: "abc", status: "completed" } });

describe("webhook signatures (X-CertDesk-Signature)", () => {
  it("a platform verifies what CertDesk signs, and the MAC is HMAC-SHA256 over `${t}.${body}`", () => {
    const header = signWebhook(secret, body, 1_800_000_000);
    const expected = createHmac("sha256", secret).update(`1800000000.${body}`).digest("hex");
    expect(header).toBe(`t=1800000000,v1=${expected}`);
    expect(verifyWebhook(secret, body, header, { now: 1_800_000_010_000 })).toBe(true);
  });

  it("refuses a tampered body, a wrong secret, a missing or malformed header", () => {
    const header = signWebhook(secret, body);
    expect(verifyWebhook(secret, body.replace("completed", "rejected"), header)).toBe(false);
    expect(verifyWebhook("another-secret", body, header)).toBe(false);
    expect(verifyWebhook(secret, body, null)).toBe(false);
    expect(verifyWebhook(secret, body, "t=abc,v1=00")).toBe(false);
    expect(verifyWebhook(secret, body, header.replace(/v1=.*/, "v1="))).toBe(false);
  });

  it("refuses stale and far-future timestamps (a captured delivery cannot be replayed later)", () => {
    const now = 1_800_000_000_000;
    const stale = signWebhook(secret, body, now / 1000 - 301);
    const future = signWebhook(secret, body, now / 1000 + 301);
    expect(verifyWebhook(secret, body, stale, { now })).toBe(false);
    expect(verifyWebhook(secret, body, future, { now })).toBe(false);
    expect(verifyWebhook(secret, body, signWebhook(secret, body, now / 1000 - 299), { now })).toBe(true);
    // The timestamp is under the MAC: moving it forward breaks the signature.
    const moved = stale.replace(/t=\d+/, `t=${now / 1000}`);
    expect(verifyWebhook(secret, body, moved, { now })).toBe(false);
  });
});

describe("webhook deliveries: id, sequence and event time under the signature", () => {
  const now = 1_800_000_000_000;
  const delivery = {
    deliveryId: "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
    sequence: 2,
    occurredAt: "2027-01-15T08:00:00.000Z",
    event: "scan_request.updated",
    data: { id: "cm0abcdefghij", status: "completed" },
  };
  const raw = JSON.stringify(delivery);
  const headersFor = (body: string, extra: Record<string, string> = {}) =>
    new Headers({
      "x-certdesk-signature": signWebhook(secret, body, now / 1000),
      "certdesk-delivery": delivery.deliveryId,
      "certdesk-sequence": String(delivery.sequence),
      "certdesk-event-time": delivery.occurredAt,
      ...extra,
    });

  it("reads a genuine delivery, from a string or from the raw bytes", () => {
    expect(readWebhookDelivery(secret, raw, headersFor(raw), { now })).toEqual(delivery);
    expect(readWebhookDelivery(secret, new TextEncoder().encode(raw), headersFor(raw), { now })).toEqual(delivery);
    // The MAC over bytes is the MAC over the same text.
    expect(signWebhook(secret, new TextEncoder().encode(raw), 1_800_000_000)).toBe(signWebhook(secret, raw, 1_800_000_000));
  });

  it("changing the delivery id, the sequence or the event time in the body breaks the signature", () => {
    const header = headersFor(raw);
    for (const forged of [
      raw.replace(delivery.deliveryId, "00000000-0000-4000-8000-000000000000"),
      raw.replace('"sequence":2', '"sequence":3'),
      raw.replace(delivery.occurredAt, "2027-01-15T09:00:00.000Z"),
    ]) {
      expect(forged).not.toBe(raw);
      expect(verifyWebhook(secret, forged, header.get(SIGNATURE_HEADER), { now })).toBe(false);
      expect(readWebhookDelivery(secret, forged, header, { now })).toBeNull();
    }
  });

  it("refuses headers that disagree with the signed body, and bodies without delivery fields", () => {
    expect(readWebhookDelivery(secret, raw, headersFor(raw, { "certdesk-delivery": "11111111-1111-4111-8111-111111111111" }), { now })).toBeNull();
    expect(readWebhookDelivery(secret, raw, headersFor(raw, { "certdesk-sequence": "3" }), { now })).toBeNull();
    expect(readWebhookDelivery(secret, raw, headersFor(raw, { "certdesk-event-time": "2027-01-15T09:00:00.000Z" }), { now })).toBeNull();
    // Without the CertDesk-* headers (a proxy dropped them) the signed body still decides.
    expect(readWebhookDelivery(secret, raw, new Headers({ "x-certdesk-signature": signWebhook(secret, raw, now / 1000) }), { now })).toEqual(delivery);
    // The old body shape (no id, no sequence) verifies as a MAC but is not a delivery.
    expect(readWebhookDelivery(secret, body, headersFor(body), { now })).toBeNull();
    for (const broken of [{ ...delivery, sequence: -1 }, { ...delivery, sequence: 1.5 }, { ...delivery, deliveryId: "../../x" }, { ...delivery, occurredAt: "soon" }, { ...delivery, data: null }]) {
      const b = JSON.stringify(broken);
      expect(readWebhookDelivery(secret, b, headersFor(b, { "certdesk-delivery": String(broken.deliveryId), "certdesk-sequence": String(broken.sequence), "certdesk-event-time": String(broken.occurredAt) }), { now })).toBeNull();
    }
    expect(readWebhookDelivery(secret, "not json", headersFor("not json"), { now })).toBeNull();
    // A stale timestamp is refused whatever the body.
    const stale = new Headers({ "x-certdesk-signature": signWebhook(secret, raw, now / 1000 - 301) });
    expect(readWebhookDelivery(secret, raw, stale, { now })).toBeNull();
  });

  it("sequences follow the state order: scanned before every final state", () => {
    expect(WEBHOOK_SEQUENCE.pending).toBeLessThan(WEBHOOK_SEQUENCE.scanned);
    for (const final of ["completed", "rejected", "expired", "failed"] as const) {
      expect(WEBHOOK_SEQUENCE[final]).toBeGreaterThan(WEBHOOK_SEQUENCE.scanned);
      expect(WEBHOOK_SEQUENCE[final]).toBe(LAST_WEBHOOK_SEQUENCE);
    }
    expect(SEEN_DELIVERY_RETENTION_SECONDS).toBeGreaterThanOrEqual(2 * WEBHOOK_TOLERANCE_SECONDS);
  });
});
