import { describe, expect, it } from "vitest";
import { ZNonceSchema, newNonce, nonceTimeMs, startKeygen, startSign } from "@/lib/pki/two-party";
import { generateKeyPair } from "@/lib/pki/sm2";

describe("two-party nonce", () => {
  it("is 32 lowercase hex characters: 6 bytes of milliseconds (big-endian), then 10 random bytes", () => {
    const at = Date.UTC(2026, 11, 1, 21, 0, 0, 123);
    const nonce = newNonce(at);
    expect(nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(ZNonceSchema.safeParse(nonce).success).toBe(true);
    expect(nonce.slice(0, 12)).toBe(at.toString(16).padStart(12, "0"));
    expect(nonceTimeMs(nonce)).toBe(at);
    // The random part differs between two nonces of the same millisecond.
    expect(newNonce(at).slice(12)).not.toBe(nonce.slice(12));
  });

  it("the phone's messages carry the current time", () => {
    const before = Date.now();
    const keygen = startKeygen().request.nonce;
    const sign = startSign({ keyId: "k", message: new Uint8Array(1), publicKey: generateKeyPair().publicKey }).request.nonce;
    for (const nonce of [keygen, sign]) {
      expect(nonceTimeMs(nonce)).toBeGreaterThanOrEqual(before);
      expect(nonceTimeMs(nonce)).toBeLessThanOrEqual(Date.now());
    }
  });

  it("rejects anything that is not a nonce", () => {
    for (const bad of ["", "replay", "A".repeat(32), "0".repeat(31)]) expect(() => nonceTimeMs(bad)).toThrow(/nonce/);
  });
});
