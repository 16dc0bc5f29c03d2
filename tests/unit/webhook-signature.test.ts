import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook } from "@/lib/platform/webhook-signature";

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
