import { describe, expect, it } from "vitest";
import { bigIntToBytes, utf8ToBytes } from "@/lib/pki/encoding";
import { SM2_N, generateKeyPair, sign, signDigest, sm2Digest } from "@/lib/pki/sm2";
import { derSignatureToRaw, signatureFromDevice, splitRawSignature } from "@/lib/pki/sm2-raw-signature";
import { opensslSm2Key, opensslVerifySm2 } from "./helpers/openssl";

describe("device signatures (r ‖ s)", () => {
  it("a device's r ‖ s over a host-computed e becomes DER that OpenSSL verifies", () => {
    const key = opensslSm2Key();
    const data = utf8ToBytes("tbsCertificate from an HSM");
    const e = sm2Digest(data, key.publicKey);
    const raw = derSignatureToRaw(signDigest(e, key.privateKey)); // what SDF_InternalSign_ECC returns
    expect(raw).toHaveLength(64);
    const der = signatureFromDevice(raw, e, key.publicKey);
    expect(opensslVerifySm2(key.pubPath, data, der)).toBe(true);
  });

  it("round-trips r and s, including leading zero bytes", () => {
    const { privateKey, publicKey } = generateKeyPair();
    for (let i = 0; i < 20; i++) {
      const der = sign(utf8ToBytes(`m${i}`), privateKey, { publicKey });
      const raw = derSignatureToRaw(der);
      const { r, s } = splitRawSignature(raw);
      expect(raw.subarray(0, 32)).toEqual(bigIntToBytes(r, 32));
      expect(raw.subarray(32)).toEqual(bigIntToBytes(s, 32));
    }
  });

  it("refuses a wrong length, r or s outside [1, n−1], a tampered value and another key's signature", () => {
    const { privateKey, publicKey } = generateKeyPair();
    const other = generateKeyPair();
    const e = sm2Digest(utf8ToBytes("crl"), publicKey);
    const good = derSignatureToRaw(signDigest(e, privateKey));
    expect(() => signatureFromDevice(good, e, publicKey)).not.toThrow();
    const variant = (edit: (raw: Uint8Array) => void) => {
      const raw = Uint8Array.from(good);
      edit(raw);
      return raw;
    };
    const cases: Array<[string, Uint8Array, RegExp]> = [
      ["63 bytes", good.subarray(0, 63), /64 bytes/],
      ["r = 0", variant((raw) => raw.fill(0, 0, 32)), /r is outside/],
      ["s = 0", variant((raw) => raw.fill(0, 32)), /s is outside/],
      ["r = n", variant((raw) => raw.set(bigIntToBytes(SM2_N, 32), 0)), /r is outside/],
      ["s = n", variant((raw) => raw.set(bigIntToBytes(SM2_N, 32), 32)), /s is outside/],
      ["s ≥ n", variant((raw) => raw.fill(0xff, 32)), /s is outside/],
      ["flipped bit", variant((raw) => (raw[40] ^= 1)), /does not verify/],
      ["other key", derSignatureToRaw(signDigest(e, other.privateKey)), /does not verify/],
      ["other digest", derSignatureToRaw(signDigest(sm2Digest(utf8ToBytes("ocsp"), publicKey), privateKey)), /does not verify/],
    ];
    for (const [name, raw, message] of cases) expect(() => signatureFromDevice(raw, e, publicKey), name).toThrow(message);
  });
});
