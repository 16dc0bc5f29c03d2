import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { bytesToBigInt, bytesToHex, hexToBytes, utf8ToBytes } from "@/lib/pki/encoding";
import { PkiError } from "@/lib/pki/errors";
import { derToPem } from "@/lib/pki/pem";
import { encodeSpki } from "@/lib/pki/spki";
import { SM2_N, getPublicKey, sm2Point, verify } from "@/lib/pki/sm2";
import { decrypt, encrypt } from "@/lib/pki/sm2-encrypt";
import {
  type TSignRequest,
  finishDecrypt,
  finishKeygen,
  finishSign,
  jointSigner,
  serverDecrypt,
  serverKeygen,
  serverSign,
  startDecrypt,
  startKeygen,
  startSign,
} from "@/lib/pki/two-party";
import { makeTempDir, openssl, opensslVerifySm2, writeTemp } from "./helpers/openssl";

function jointKey() {
  const { d1, request } = startKeygen();
  const server = serverKeygen(request);
  const publicKey = finishKeygen({ d1, request, response: server.response });
  return { keyId: request.keyId, d1, d2: server.d2, publicKey, serverPublicKey: server.publicKey };
}

/** Only tests may rebuild the whole key, to check the protocol against ordinary SM2. */
function wholeKey(d1: Uint8Array, d2: Uint8Array): Uint8Array {
  const inv = sm2Point.Fn.inv((bytesToBigInt(d1) * bytesToBigInt(d2)) % SM2_N);
  return hexToBytes(((inv - 1n + SM2_N) % SM2_N).toString(16).padStart(64, "0"));
}

function jointSign(key: ReturnType<typeof jointKey>, message: Uint8Array) {
  const started = startSign({ keyId: key.keyId, message, publicKey: key.publicKey });
  const { response } = serverSign({ d2: key.d2, request: started.request });
  return finishSign({ d1: key.d1, publicKey: key.publicKey, ...started, response });
}

function publicKeyPem(publicKey: Uint8Array): string {
  return writeTemp(makeTempDir(), "pub.pem", derToPem(encodeSpki(publicKey), "PUBLIC KEY"));
}

describe("two-party key generation", () => {
  it("agrees on the joint key, which is (d1·d2)^-1 − 1 times G", () => {
    const key = jointKey();
    expect(bytesToHex(key.publicKey)).toBe(bytesToHex(key.serverPublicKey));
    expect(bytesToHex(getPublicKey(wholeKey(key.d1, key.d2)))).toBe(bytesToHex(key.publicKey));
  });

  it("keeps the caller's key id and echoes the nonce", () => {
    const { request } = startKeygen({ keyId: "phone-42" });
    const { response, nonce } = serverKeygen(request);
    expect(response.keyId).toBe("phone-42");
    expect(nonce).toBe(request.nonce);
    expect(response.nonce).toBe(request.nonce);
  });

  it("the phone notices a server that lies about P or P2", () => {
    const { d1, request } = startKeygen();
    const { response } = serverKeygen(request);
    const other = serverKeygen(startKeygen().request).response;
    expect(() => finishKeygen({ d1, request, response: { ...response, P: other.P } })).toThrow(PkiError);
    expect(() => finishKeygen({ d1, request, response: { ...response, P2: other.P2 } })).toThrow(PkiError);
    expect(() => finishKeygen({ d1, request, response: { ...response, nonce: other.nonce } })).toThrow(PkiError);
  });

  it("the server refuses P1 off the curve or malformed", () => {
    const { request } = startKeygen();
    const offCurve = request.P1.slice(0, -1) + (request.P1.endsWith("0") ? "1" : "0");
    expect(() => serverKeygen({ ...request, P1: offCurve })).toThrow(expect.objectContaining({ code: "invalid_point" }));
    expect(() => serverKeygen({ ...request, P1: "04" + "0".repeat(128) })).toThrow(PkiError);
    expect(() => serverKeygen({ ...request, P1: request.P1.slice(0, 66) })).toThrow(
      expect.objectContaining({ code: "invalid_message" }),
    );
  });
});

describe("two-party signing", () => {
  const key = jointKey();

  it("produces ordinary SM2 signatures for random messages; tampering fails", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (message) => {
        const sig = jointSign(key, message);
        expect(verify(sig, message, key.publicKey)).toBe(true);
        expect(verify(sig, Uint8Array.from([...message, 1]), key.publicKey)).toBe(false);
        expect(verify(sig, message, key.publicKey, { id: "someone else" })).toBe(false);
      }),
      { numRuns: 15 },
    );
  });

  it("OpenSSL verifies joint signatures against the joint key as a PEM SubjectPublicKeyInfo", () => {
    const pubPath = publicKeyPem(key.publicKey);
    for (const message of [utf8ToBytes("joint signature 联合签名"), new Uint8Array(0)]) {
      expect(opensslVerifySm2(pubPath, message, jointSign(key, message))).toBe(true);
    }
    expect(opensslVerifySm2(pubPath, utf8ToBytes("b"), jointSign(key, utf8ToBytes("a")))).toBe(false);
  });

  it("works through jointSigner with an async round trip", async () => {
    const signer = jointSigner({
      keyId: key.keyId,
      d1: key.d1,
      publicKey: key.publicKey,
      roundTrip: async (request) => serverSign({ d2: key.d2, request: JSON.parse(JSON.stringify(request)) }).response,
    });
    const data = utf8ToBytes("tbs bytes");
    expect(verify(await signer.sign(data), data, key.publicKey)).toBe(true);
  });

  it("the phone refuses tampered server answers and never releases a bad signature", () => {
    const started = startSign({ keyId: key.keyId, message: utf8ToBytes("m"), publicKey: key.publicKey });
    const { response } = serverSign({ d2: key.d2, request: started.request });
    const flip = (hex: string) => (hex[63] === "0" ? hex.slice(0, 63) + "1" : hex.slice(0, 63) + "0");
    const base = { d1: key.d1, publicKey: key.publicKey, ...started };
    for (const field of ["r", "s2", "s3"] as const) {
      expect(() => finishSign({ ...base, response: { ...response, [field]: flip(response[field]) } })).toThrow(
        expect.objectContaining({ code: "invalid_signature" }),
      );
    }
    expect(() => finishSign({ ...base, response: { ...response, nonce: "0".repeat(32) } })).toThrow(
      expect.objectContaining({ code: "invalid_message" }),
    );
    const otherKey = jointKey();
    const wrongShare = serverSign({ d2: otherKey.d2, request: started.request }).response;
    expect(() => finishSign({ ...base, response: wrongShare })).toThrow(PkiError);
    expect(verify(finishSign({ ...base, response }), utf8ToBytes("m"), key.publicKey)).toBe(true);
  });

  it("the server refuses malformed requests", () => {
    const { request } = startSign({ keyId: key.keyId, message: utf8ToBytes("m"), publicKey: key.publicKey });
    const bad: unknown[] = [
      { ...request, Q1: request.Q1.slice(0, -2) + "00" }, // off the curve (with overwhelming probability)
      { ...request, Q1: "04" + "0".repeat(128) }, // (0, 0): how noble would spell infinity
      { ...request, Q1: "02" + request.Q1.slice(2, 66) }, // compressed form is not allowed on the wire
      { ...request, e: request.e.slice(2) }, // 31-byte digest
      { ...request, e: request.e.toUpperCase() },
      { ...request, v: 2 },
      { ...request, kind: "decrypt-request" },
      { ...request, extra: "field" },
      { ...request, nonce: "replay" },
      { ...request, keyId: "" },
      null,
      "sign",
    ];
    for (const req of bad) {
      expect(() => serverSign({ d2: key.d2, request: req as TSignRequest }), JSON.stringify(req)).toThrow(PkiError);
    }
    expect(() => serverSign({ d2: new Uint8Array(32), request })).toThrow(expect.objectContaining({ code: "invalid_key" }));
  });

  it("uses fresh randomness every time: the same request never yields the same answer", () => {
    const { request } = startSign({ keyId: key.keyId, message: utf8ToBytes("m"), publicKey: key.publicKey });
    const a = serverSign({ d2: key.d2, request }).response;
    const b = serverSign({ d2: key.d2, request }).response;
    expect(a.r).not.toBe(b.r);
    expect(a.s2).not.toBe(b.s2);
  });
});

describe("two-party decryption", () => {
  const key = jointKey();

  function jointDecrypt(ciphertext: Uint8Array): Uint8Array {
    const started = startDecrypt({ keyId: key.keyId, d1: key.d1, ciphertext });
    const { response } = serverDecrypt({ d2: key.d2, request: started.request });
    return finishDecrypt({ ...started, response });
  }

  it("decrypts what OpenSSL encrypted to the joint key", () => {
    const message = utf8ToBytes("encrypted by openssl 给联合密钥");
    const dir = makeTempDir();
    const input = writeTemp(dir, "m", message);
    const ct = openssl(["pkeyutl", "-encrypt", "-pubin", "-inkey", publicKeyPem(key.publicKey), "-in", input]);
    expect(bytesToHex(jointDecrypt(ct))).toBe(bytesToHex(message));
  });

  it("decrypts both formats and agrees with the whole key", () => {
    const message = utf8ToBytes("both formats");
    for (const format of ["der", "c1c3c2"] as const) {
      const ct = encrypt(key.publicKey, message, { format });
      expect(bytesToHex(jointDecrypt(ct))).toBe(bytesToHex(message));
      expect(bytesToHex(decrypt(wholeKey(key.d1, key.d2), ct))).toBe(bytesToHex(message));
    }
  });

  it("rejects a tampered ciphertext, a bad C1, a lying server and a malformed T1", () => {
    const ct = encrypt(key.publicKey, utf8ToBytes("tamper"), { format: "c1c3c2" });
    const flipped = Uint8Array.from(ct);
    flipped[ct.length - 1] ^= 1;
    expect(() => jointDecrypt(flipped)).toThrow(expect.objectContaining({ code: "decrypt_failed" }));
    const badC1 = Uint8Array.from(ct);
    badC1[10] ^= 1;
    expect(() => startDecrypt({ keyId: key.keyId, d1: key.d1, ciphertext: badC1 })).toThrow(
      expect.objectContaining({ code: "invalid_ciphertext" }),
    );
    const started = startDecrypt({ keyId: key.keyId, d1: key.d1, ciphertext: ct });
    const lying = serverDecrypt({ d2: jointKey().d2, request: started.request }).response;
    expect(() => finishDecrypt({ ...started, response: lying })).toThrow(
      expect.objectContaining({ code: "decrypt_failed" }),
    );
    const offCurve = { ...started.request, T1: started.request.T1.slice(0, -2) + "00" };
    expect(() => serverDecrypt({ d2: key.d2, request: offCurve })).toThrow(PkiError);
  });
});

describe("two-party signing against a malicious server half", () => {
  // A server that picks k3 = 0 sends s2 = d2·k3 = 0. The signature still verifies, and from it the
  // server would learn the phone's share: s = d1·s3 − r, so d1 = (s + r)·s3⁻¹.
  function zeroK3Server(d2: Uint8Array, request: TSignRequest, which: "s2" | "s3") {
    const d2n = bytesToBigInt(d2);
    const e = BigInt(`0x${request.e}`);
    const k2 = 12345678901234567890n;
    const R = sm2Point.BASE.multiply(k2);
    const r = (e + R.toAffine().x) % SM2_N;
    const hex = (x: bigint) => x.toString(16).padStart(64, "0");
    const s2 = which === "s2" ? 0n : (d2n * 7n) % SM2_N;
    const s3 = which === "s3" ? 0n : (d2n * (r + k2)) % SM2_N;
    return { v: request.v, kind: "sign-response" as const, keyId: request.keyId, nonce: request.nonce, r: hex(r), s2: hex(s2), s3: hex(s3) };
  }

  it("refuses s2 = 0 before using d1: the k3 = 0 server gets no signature to solve for d1", () => {
    const key = jointKey();
    const started = startSign({ keyId: key.keyId, message: utf8ToBytes("bid"), publicKey: key.publicKey });
    const response = zeroK3Server(key.d2, started.request, "s2");
    // What the attack needs: with s2 = 0 the joint value s = d1·s3 − r would be a valid signature.
    const s3 = BigInt(`0x${response.s3}`);
    const r = BigInt(`0x${response.r}`);
    const s = (((bytesToBigInt(key.d1) * s3 - r) % SM2_N) + SM2_N) % SM2_N;
    expect(((s + r) * sm2Point.Fn.inv(s3)) % SM2_N).toBe(bytesToBigInt(key.d1));
    expect(() => finishSign({ d1: key.d1, publicKey: key.publicKey, ...started, response })).toThrow(PkiError);
  });

  it("refuses s3 = 0 and shares ≥ n", () => {
    const key = jointKey();
    const started = startSign({ keyId: key.keyId, message: utf8ToBytes("bid"), publicKey: key.publicKey });
    expect(() => finishSign({ d1: key.d1, publicKey: key.publicKey, ...started, response: zeroK3Server(key.d2, started.request, "s3") })).toThrow(PkiError);
    const honest = serverSign({ d2: key.d2, request: started.request }).response;
    const big = { ...honest, s2: SM2_N.toString(16).padStart(64, "0") };
    expect(() => finishSign({ d1: key.d1, publicKey: key.publicKey, ...started, response: big })).toThrow(PkiError);
    expect(finishSign({ d1: key.d1, publicKey: key.publicKey, ...started, response: honest }).length).toBeGreaterThan(60);
  });
});
