import { describe, expect, it } from "vitest";
import fc from "fast-check";
import smCrypto from "sm-crypto";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@/lib/pki/encoding";
import { PkiError } from "@/lib/pki/errors";
import {
  SM2_DEFAULT_ID,
  SM2_N,
  computeZ,
  decodeSignatureDer,
  encodeSignatureDer,
  generateKeyPair,
  getPublicKey,
  isValidPublicKey,
  sign,
  signDigest,
  sm2Digest,
  sm2Point,
  verify,
  verifyDigest,
} from "@/lib/pki/sm2";
import { opensslSignSm2, opensslSm2Key, opensslVerifySm2 } from "./helpers/openssl";

// GM/T 0003.5-2012 (GB/T 32918.5-2017) example on the recommended curve.
const STD = {
  d: hexToBytes("3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8"),
  pub: hexToBytes(
    "04" +
      "09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020" +
      "ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13",
  ),
  za: "b2e14c5c79c6df5b85f4fe7ed8db7a262b9da7e07ccb0ea9f4747b8ccda8a4f3",
  message: utf8ToBytes("message digest"),
  r: 0xf5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3n,
  s: 0xb1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aan,
};

const hex = bytesToHex;
const smOpts = (publicKey?: Uint8Array) => ({
  hash: true,
  der: true,
  userId: SM2_DEFAULT_ID,
  ...(publicKey ? { publicKey: hex(publicKey) } : {}),
});

describe("SM2 against the GM/T 0003.5 example", () => {
  it("derives the published public key", () => {
    expect(hex(getPublicKey(STD.d))).toBe(hex(STD.pub));
  });

  it("computes the published Z value for the default ID (ENTL 0x0080)", () => {
    expect(hex(computeZ(STD.pub))).toBe(STD.za);
    expect(hex(computeZ(STD.pub, SM2_DEFAULT_ID))).toBe(STD.za);
    expect(hex(computeZ(STD.pub, utf8ToBytes(SM2_DEFAULT_ID)))).toBe(STD.za);
  });

  it("computes the same Z from the compressed key", () => {
    const compressed = sm2Point.fromBytes(STD.pub).toBytes(true);
    expect(hex(computeZ(compressed))).toBe(STD.za);
  });

  it("verifies the published signature and rejects it for another message or ID", () => {
    const sig = encodeSignatureDer(STD.r, STD.s);
    expect(verify(sig, STD.message, STD.pub)).toBe(true);
    expect(verify(sig, utf8ToBytes("message digesT"), STD.pub)).toBe(false);
    expect(verify(sig, STD.message, STD.pub, { id: "ALICE123@YAHOO.COM" })).toBe(false);
  });
});

describe("SM2 sign/verify", () => {
  it("returns 32-byte private keys and 65-byte uncompressed public keys", () => {
    const { privateKey, publicKey } = generateKeyPair();
    expect(privateKey).toHaveLength(32);
    expect(publicKey).toHaveLength(65);
    expect(publicKey[0]).toBe(4);
    expect(hex(getPublicKey(privateKey))).toBe(hex(publicKey));
  });

  it("rejects private keys outside [1, n-2]", () => {
    const bad = [new Uint8Array(32), hexToBytes((SM2_N - 1n).toString(16)), new Uint8Array(31)];
    for (const key of bad) expect(() => getPublicKey(key)).toThrow(PkiError);
    expect(() => getPublicKey(hexToBytes((SM2_N - 2n).toString(16)))).not.toThrow();
  });

  it("signs random messages so that they verify, and any tampering fails", () => {
    const { privateKey, publicKey } = generateKeyPair();
    const other = generateKeyPair();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (message, at, flip) => {
        const sig = sign(message, privateKey, { publicKey });
        expect(verify(sig, message, publicKey)).toBe(true);
        expect(verify(sig, message, other.publicKey)).toBe(false);
        expect(verify(sig, message, publicKey, { id: "another-id" })).toBe(false);
        const tamperedSig = Uint8Array.from(sig);
        tamperedSig[at % sig.length] ^= flip;
        expect(verify(tamperedSig, message, publicKey)).toBe(false);
        const tamperedMessage = Uint8Array.from([...message, 0]);
        expect(verify(sig, tamperedMessage, publicKey)).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it("uses a custom ID end to end", () => {
    const { privateKey, publicKey } = generateKeyPair();
    const msg = utf8ToBytes("custom id");
    const sig = sign(msg, privateKey, { id: "ALICE123@YAHOO.COM" });
    expect(verify(sig, msg, publicKey, { id: "ALICE123@YAHOO.COM" })).toBe(true);
    expect(verify(sig, msg, publicKey)).toBe(false);
  });

  it("signs and verifies precomputed digests", () => {
    const { privateKey, publicKey } = generateKeyPair();
    const e = sm2Digest(utf8ToBytes("digest"), publicKey);
    const sig = signDigest(e, privateKey);
    expect(verifyDigest(sig, e, publicKey)).toBe(true);
    expect(verify(sig, utf8ToBytes("digest"), publicKey)).toBe(true);
    expect(() => signDigest(new Uint8Array(31), privateKey)).toThrow(PkiError);
    expect(verifyDigest(sig, new Uint8Array(31), publicKey)).toBe(false);
  });

  it("never throws from verify on garbage", () => {
    const { publicKey } = generateKeyPair();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.uint8Array({ maxLength: 70 }), (sig, key) => {
        expect(verify(sig, utf8ToBytes("x"), publicKey)).toBe(false);
        expect(verify(sig, utf8ToBytes("x"), key)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("rejects r or s out of range, and s + r = n", () => {
    const { privateKey, publicKey } = generateKeyPair();
    const msg = utf8ToBytes("range");
    const { r, s } = decodeSignatureDer(sign(msg, privateKey));
    expect(verify(encodeSignatureDer(r + SM2_N, s), msg, publicKey)).toBe(false);
    expect(verify(encodeSignatureDer(r, s + SM2_N), msg, publicKey)).toBe(false);
    expect(verify(encodeSignatureDer(r, SM2_N - r), msg, publicKey)).toBe(false);
  });
});

describe("SM2 signature DER", () => {
  it("round-trips and pads high-bit integers with 0x00", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: SM2_N - 1n }), fc.bigInt({ min: 1n, max: SM2_N - 1n }), (r, s) => {
        expect(decodeSignatureDer(encodeSignatureDer(r, s))).toEqual({ r, s });
      }),
    );
    expect(hex(encodeSignatureDer(0x80n, 1n))).toBe("3007020200800201" + "01");
  });

  it("refuses non-canonical encodings", () => {
    const bad = [
      "", "30", "30070201010201", // empty, truncated header, truncated content
      "3007020101020101", // SEQUENCE length longer than its content
      "3007020200010201" + "01", // INTEGER with superfluous leading zero
      "3006020181020101", // negative INTEGER
      "308106020101020101", // long-form length for a short value
      "3009020101020101020101", // three INTEGERs
      "3106020101020101", // SET instead of SEQUENCE
      "3006020101020101" + "00", // trailing byte after the SEQUENCE
      "3008020101020101" + "0500", // extra element inside the SEQUENCE
    ];
    for (const h of bad) expect(() => decodeSignatureDer(hexToBytes(h)), h).toThrow(PkiError);
  });
});

describe("SM2 public keys", () => {
  it("accepts uncompressed and compressed points on the curve", () => {
    const { publicKey } = generateKeyPair();
    expect(isValidPublicKey(publicKey)).toBe(true);
    expect(isValidPublicKey(sm2Point.fromBytes(publicKey).toBytes(true))).toBe(true);
  });

  it("rejects points off the curve, infinity and wrong lengths", () => {
    const { publicKey } = generateKeyPair();
    const off = Uint8Array.from(publicKey);
    off[64] ^= 1;
    expect(isValidPublicKey(off)).toBe(false);
    expect(isValidPublicKey(Uint8Array.of(0))).toBe(false);
    expect(isValidPublicKey(new Uint8Array(65))).toBe(false);
    expect(isValidPublicKey(Uint8Array.from([4, ...new Uint8Array(64)]))).toBe(false);
    expect(isValidPublicKey(publicKey.subarray(0, 64))).toBe(false);
    expect(isValidPublicKey(Uint8Array.from([2, ...new Uint8Array(32).fill(0xff)]))).toBe(false);
  });
});

describe("SM2 interoperability with sm-crypto", () => {
  it("sm-crypto verifies our signatures", () => {
    const { privateKey, publicKey } = generateKeyPair();
    for (let i = 0; i < 5; i++) {
      const msg = utf8ToBytes(`ours ${i} 中文`);
      const sig = sign(msg, privateKey);
      expect(smCrypto.sm2.doVerifySignature(Array.from(msg), hex(sig), hex(publicKey), smOpts())).toBe(true);
    }
  });

  it("we verify sm-crypto's signatures and derive the same public key", () => {
    const { privateKey, publicKey } = smCrypto.sm2.generateKeyPairHex();
    expect(hex(getPublicKey(hexToBytes(privateKey)))).toBe(publicKey);
    for (let i = 0; i < 5; i++) {
      const msg = utf8ToBytes(`theirs ${i}`);
      const sig = smCrypto.sm2.doSignature(Array.from(msg), privateKey, smOpts(hexToBytes(publicKey)));
      expect(verify(hexToBytes(sig), msg, hexToBytes(publicKey))).toBe(true);
    }
  });
});

describe("SM2 interoperability with OpenSSL", () => {
  const key = opensslSm2Key();

  it("reads OpenSSL's key consistently", () => {
    expect(hex(getPublicKey(key.privateKey))).toBe(hex(key.publicKey));
  });

  it("OpenSSL verifies our signatures with distid 1234567812345678", () => {
    for (const msg of [new Uint8Array(), utf8ToBytes("hello 云证书"), new Uint8Array(1000).fill(7)]) {
      const sig = sign(msg, key.privateKey);
      expect(opensslVerifySm2(key.pubPath, msg, sig)).toBe(true);
    }
  });

  it("OpenSSL rejects our signature over a different message", () => {
    const sig = sign(utf8ToBytes("one"), key.privateKey);
    expect(opensslVerifySm2(key.pubPath, utf8ToBytes("two"), sig)).toBe(false);
  });

  it("we verify OpenSSL's signatures", () => {
    for (const msg of [utf8ToBytes("from openssl"), new Uint8Array(333).fill(1)]) {
      const sig = opensslSignSm2(key.keyPath, msg);
      expect(verify(sig, msg, key.publicKey)).toBe(true);
      expect(verify(sig, msg, key.publicKey, { id: "" })).toBe(false);
    }
  });
});
