import { describe, expect, it } from "vitest";
import { utf8ToBytes } from "@/lib/pki/encoding";
import { generateKeyPair, sign, verify } from "@/lib/pki/sm2";
import { verifyingKeyStats } from "@/lib/pki/sm2-verify-key";
import { opensslSignSm2, opensslSm2Key } from "./helpers/openssl";

// A key used often gets a precomputed table; verification must give the same answers with it.
describe("SM2 verification keys with tables", () => {
  it("accepts OpenSSL's signatures and refuses tampered ones before and after the key earns a table", () => {
    const key = opensslSm2Key();
    const { hot: hotBefore, limits } = verifyingKeyStats();
    for (let i = 0; i < limits.hotAfter + 4; i++) {
      const message = utf8ToBytes(`tbsCertificate ${i}`);
      const signature = opensslSignSm2(key.keyPath, message);
      expect(verify(signature, message, key.publicKey)).toBe(true);
      expect(verify(signature, utf8ToBytes(`tbsCertificate ${i}!`), key.publicKey)).toBe(false);
    }
    expect(verifyingKeyStats().hot).toBeGreaterThan(hotBefore);
  });

  it("keeps the tables bounded while many keys pass through", () => {
    const { limits } = verifyingKeyStats();
    const message = utf8ToBytes("bounded");
    for (let k = 0; k < limits.hot + 3; k++) {
      const { privateKey, publicKey } = generateKeyPair();
      const signature = sign(message, privateKey, { publicKey });
      for (let i = 0; i < limits.hotAfter; i++) expect(verify(signature, message, publicKey)).toBe(true);
      const other = generateKeyPair().publicKey;
      expect(verify(signature, message, other)).toBe(false);
    }
    const stats = verifyingKeyStats();
    expect(stats.hot).toBeLessThanOrEqual(limits.hot);
    expect(stats.seen).toBeLessThanOrEqual(limits.seen);
  });
});
