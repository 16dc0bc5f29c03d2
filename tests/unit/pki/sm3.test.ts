import { describe, expect, it } from "vitest";
import fc from "fast-check";
import smCrypto from "sm-crypto";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@/lib/pki/encoding";
import { hmacSm3, sm3 } from "@/lib/pki/sm3";
import { openssl } from "./helpers/openssl";

describe("SM3 (GB/T 32905-2016)", () => {
  it("matches the standard's example A.1 ('abc')", () => {
    expect(bytesToHex(sm3(utf8ToBytes("abc")))).toBe(
      "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
    );
  });

  it("matches the standard's example A.2 (64-byte 'abcd' x 16)", () => {
    expect(bytesToHex(sm3(utf8ToBytes("abcd".repeat(16))))).toBe(
      "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732",
    );
  });

  it("hashes the empty message like OpenSSL", () => {
    const expected = Buffer.from(openssl(["dgst", "-sm3", "-binary"], new Uint8Array())).toString("hex");
    expect(bytesToHex(sm3(new Uint8Array()))).toBe(expected);
  });

  it("agrees with sm-crypto on random inputs of any length", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        expect(bytesToHex(sm3(data))).toBe(smCrypto.sm3(Array.from(data)));
      }),
      { numRuns: 300 },
    );
  });

  it("streams: any split of the input gives the one-shot digest", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), fc.nat(), (data, cut) => {
        const at = data.length ? cut % data.length : 0;
        const hash = sm3.create().update(data.subarray(0, at)).update(data.subarray(at));
        expect(bytesToHex(hash.digest())).toBe(bytesToHex(sm3(data)));
      }),
      { numRuns: 200 },
    );
  });

  it("computes HMAC-SM3 like OpenSSL", () => {
    const key = hexToBytes("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627");
    const data = utf8ToBytes("CertDesk HMAC check");
    const expected = Buffer.from(
      openssl(["dgst", "-sm3", "-binary", "-mac", "HMAC", "-macopt", `hexkey:${bytesToHex(key)}`], data),
    ).toString("hex");
    expect(bytesToHex(hmacSm3(key, data))).toBe(expected);
  });

  it("carries the SM3 OID for code that identifies hashes by it", () => {
    expect(bytesToHex(sm3.oid!)).toBe("06082a811ccf55018311");
  });
});
