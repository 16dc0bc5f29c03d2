import { describe, expect, it } from "vitest";
import { bytesToBigInt, bytesToHex, hexToBytes, utf8ToBytes } from "@/lib/pki/encoding";
import { PkiError } from "@/lib/pki/errors";
import { SM2_N, getPublicKey, sm2Point, verify } from "@/lib/pki/sm2";
import { finishKeygen, finishSign, serverKeygen, serverSign, startKeygen, startSign } from "@/lib/pki/two-party";
import { newRefreshFactor, refreshPhoneShare, refreshServerShare } from "@/lib/pki/two-party/refresh-share";

function jointKey() {
  const { d1, request } = startKeygen();
  const server = serverKeygen(request);
  const publicKey = finishKeygen({ d1, request, response: server.response });
  return { keyId: request.keyId, d1, d2: server.d2, publicKey };
}

/** Only tests rebuild the whole key: (d1·d2)⁻¹ − 1. */
function wholeKey(d1: Uint8Array, d2: Uint8Array): Uint8Array {
  const inv = sm2Point.Fn.inv((bytesToBigInt(d1) * bytesToBigInt(d2)) % SM2_N);
  return hexToBytes(((inv - 1n + SM2_N) % SM2_N).toString(16).padStart(64, "0"));
}

function jointSign(keyId: string, d1: Uint8Array, d2: Uint8Array, publicKey: Uint8Array, message: Uint8Array) {
  const started = startSign({ keyId, message, publicKey });
  const { response } = serverSign({ d2, request: started.request });
  return finishSign({ d1, publicKey, ...started, response });
}

describe("two-party share refresh (phone × ρ, server × ρ⁻¹)", () => {
  it("keeps the joint key: the refreshed pair is the same private key, the shares are new", () => {
    for (let i = 0; i < 20; i++) {
      const key = jointKey();
      const rho = newRefreshFactor();
      const d1 = refreshPhoneShare(key.d1, rho);
      const d2 = refreshServerShare(key.d2, rho);
      expect(bytesToHex(d1)).not.toBe(bytesToHex(key.d1));
      expect(bytesToHex(d2)).not.toBe(bytesToHex(key.d2));
      expect(bytesToHex(wholeKey(d1, d2))).toBe(bytesToHex(wholeKey(key.d1, key.d2)));
      expect(bytesToHex(getPublicKey(wholeKey(d1, d2)))).toBe(bytesToHex(key.publicKey));
    }
  });

  it("a signature by the refreshed pair verifies under the certified (unchanged) public key", () => {
    const key = jointKey();
    const rho = newRefreshFactor();
    const message = utf8ToBytes("CertDesk refresh");
    const signature = jointSign(key.keyId, refreshPhoneShare(key.d1, rho), refreshServerShare(key.d2, rho), key.publicKey, message);
    expect(verify(signature, message, key.publicKey)).toBe(true);
    // Refreshed twice in a row: still the same key.
    const rho2 = newRefreshFactor();
    const d1b = refreshPhoneShare(refreshPhoneShare(key.d1, rho), rho2);
    const d2b = refreshServerShare(refreshServerShare(key.d2, rho), rho2);
    expect(verify(jointSign(key.keyId, d1b, d2b, key.publicKey, message), message, key.publicKey)).toBe(true);
  });

  it("the old phone share with the new server share (and the reverse) gives no signature", () => {
    const key = jointKey();
    const rho = newRefreshFactor();
    const message = utf8ToBytes("stolen blob");
    const newD2 = refreshServerShare(key.d2, rho);
    expect(() => jointSign(key.keyId, key.d1, newD2, key.publicKey, message)).toThrow(expect.objectContaining({ code: "invalid_signature" }));
    expect(() => jointSign(key.keyId, refreshPhoneShare(key.d1, rho), key.d2, key.publicKey, message)).toThrow(PkiError);
  });

  it("refuses a factor that is 0, ≥ n or malformed", () => {
    const { d1, d2 } = jointKey();
    for (const rho of ["0".repeat(64), SM2_N.toString(16), "f".repeat(64), "12", "zz".repeat(32)]) {
      expect(() => refreshPhoneShare(d1, rho)).toThrow(PkiError);
      expect(() => refreshServerShare(d2, rho)).toThrow(PkiError);
    }
    expect(newRefreshFactor()).toMatch(/^[0-9a-f]{64}$/);
  });
});
