// OpenSSL's x(k·Q) (sm2-native-mul.ts) against noble's, on random vectors and the GM/T 0003.5
// example, and the server half of the joint signature on it (k2 = k3·j, R = k3·(Q1 + j·G)) against
// the published signature, noble and OpenSSL.
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { bytesToBigInt, hexToBytes, utf8ToBytes } from "@/lib/pki/encoding";
import { derToPem } from "@/lib/pki/pem";
import { encodeSpki } from "@/lib/pki/spki";
import { SM2_N, decodeSignatureDer, sm2Digest, sm2Point, verify } from "@/lib/pki/sm2";
import { modN, invN } from "@/lib/pki/sm2-curve";
import { installMultiplyX, multiplierName, multiplyX } from "@/lib/pki/sm2-multiplier";
import { installNativeSm2, nativeMultiplyX } from "@/lib/pki/sm2-native-mul";
import { finishKeygen, finishSign, serverKeygen, serverSign, startKeygen, startSign } from "@/lib/pki/two-party";
import { jointSignatureX } from "@/lib/pki/two-party/sign";
import { makeTempDir, opensslVerifySm2, writeTemp } from "./helpers/openssl";

// GM/T 0003.5-2012 (GB/T 32918.5-2017) signature example on the recommended curve: key, nonce k,
// x1 of k·G and the signature.
const STD = {
  pub: hexToBytes("0409f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13"),
  message: utf8ToBytes("message digest"),
  k: 0x59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21n,
  x1: 0x04ebfc718e8d1798620432268e77feb6415e2ede0e073c0f4f640ecd2e149a73n,
  r: 0xf5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3n,
};

const scalar = fc.bigInt({ min: 1n, max: SM2_N - 1n });

afterAll(() => installMultiplyX(null));

describe("x(k·Q) by OpenSSL", () => {
  it("equals noble's for random scalars and points, and at the ends of the range", () => {
    fc.assert(
      fc.property(scalar, scalar, (k, q) => {
        const Q = sm2Point.BASE.multiply(q);
        expect(nativeMultiplyX(k, Q)).toBe(Q.multiply(k).toAffine().x);
      }),
      { numRuns: 60 },
    );
    const Q = sm2Point.fromBytes(STD.pub);
    for (const k of [1n, 2n, SM2_N - 1n, SM2_N - 2n]) expect(nativeMultiplyX(k, Q)).toBe(Q.multiply(k).toAffine().x);
  });

  it("gives the published x1 of k·G, and (e + x1) mod n is the published r", () => {
    expect(nativeMultiplyX(STD.k, sm2Point.BASE)).toBe(STD.x1);
    const e = bytesToBigInt(sm2Digest(STD.message, STD.pub));
    expect(modN(e + STD.x1)).toBe(STD.r);
  });

  it("refuses scalars outside [1, n − 1]", () => {
    expect(() => nativeMultiplyX(0n, sm2Point.BASE)).toThrow(RangeError);
    expect(() => nativeMultiplyX(SM2_N, sm2Point.BASE)).toThrow(RangeError);
  });
});

describe("the server half on k2 = k3·j, R = k3·(Q1 + j·G)", () => {
  it("gives x1 of (k1·k3 + k2)·G with JavaScript and with OpenSSL: the published x1 for the published k", () => {
    for (const multiplier of ["javascript", "openssl"] as const) {
      if (multiplier === "openssl") expect(installNativeSm2()).toBe(true);
      else installMultiplyX(null);
      expect(multiplierName()).toBe(multiplier);
      // The phone's k1 and the server's k3 chosen so that k1·k3 + k2 is the example's k.
      const k1 = 0x1234567890abcdefn;
      const k3 = 0xfedcba0987654321n;
      const j = modN(STD.k * invN(k3) - k1);
      expect(jointSignatureX({ Q1: sm2Point.BASE.multiply(k1), k3, j })).toBe(STD.x1);
      fc.assert(
        fc.property(scalar, scalar, scalar, (a, b, c) => {
          const expected = sm2Point.BASE.multiply(a).multiply(b).add(sm2Point.BASE.multiply(modN(b * c))).toAffine().x;
          expect(jointSignatureX({ Q1: sm2Point.BASE.multiply(a), k3: b, j: c })).toBe(expected);
        }),
        { numRuns: 25 },
      );
    }
  });

  it("joint signatures made with OpenSSL's multiplication verify with noble and with OpenSSL (distid 1234567812345678)", () => {
    expect(installNativeSm2()).toBe(true);
    const { d1, request } = startKeygen();
    const server = serverKeygen(request);
    const publicKey = finishKeygen({ d1, request, response: server.response });
    const pubPath = writeTemp(makeTempDir(), "pub.pem", derToPem(encodeSpki(publicKey), "PUBLIC KEY"));
    for (const message of [utf8ToBytes("开标 解密"), new Uint8Array(0), new Uint8Array(700).fill(9)]) {
      const started = startSign({ keyId: request.keyId, message, publicKey });
      const { response } = serverSign({ d2: server.d2, request: started.request });
      const signature = finishSign({ d1, publicKey, ...started, response });
      expect(decodeSignatureDer(signature).r).toBe(BigInt(`0x${response.r}`));
      expect(verify(signature, message, publicKey)).toBe(true);
      expect(opensslVerifySm2(pubPath, message, signature)).toBe(true);
      expect(opensslVerifySm2(pubPath, Uint8Array.from([...message, 1]), signature)).toBe(false);
    }
  });

  it("multiplyX is noble's until a server installs OpenSSL's", () => {
    installMultiplyX(null);
    const Q = sm2Point.fromBytes(STD.pub);
    expect(multiplierName()).toBe("javascript");
    expect(multiplyX(STD.k, Q)).toBe(Q.multiply(STD.k).toAffine().x);
  });
});
