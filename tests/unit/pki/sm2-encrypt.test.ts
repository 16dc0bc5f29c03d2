import { describe, expect, it } from "vitest";
import fc from "fast-check";
import smCrypto from "sm-crypto";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@/lib/pki/encoding";
import { PkiError } from "@/lib/pki/errors";
import { generateKeyPair } from "@/lib/pki/sm2";
import {
  convertCiphertext,
  decrypt,
  encodeCiphertext,
  encrypt,
  parseCiphertext,
  sm2Kdf,
} from "@/lib/pki/sm2-encrypt";
import { makeTempDir, openssl, opensslSm2Key, writeTemp } from "./helpers/openssl";

// GM/T 0003.5-2012 encryption example on the recommended curve (C1 || C3 || C2).
const STD = {
  d: hexToBytes("3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8"),
  pub: hexToBytes(
    "0409f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020" +
      "ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13",
  ),
  ciphertext: hexToBytes(
    "04" +
      "04ebfc718e8d1798620432268e77feb6415e2ede0e073c0f4f640ecd2e149a73" +
      "e858f9d81e5430a57b36daab8f950a3c64e6ee6a63094d99283aff767e124df0" +
      "59983c18f809e262923c53aec295d30383b54e39d609d160afcb1908d0bd8766" +
      "21886ca989ca9c7d58087307ca93092d651efa",
  ),
  plaintext: "encryption standard",
};

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("SM2 encryption against the GM/T 0003.5 example", () => {
  it("decrypts the published C1C3C2 ciphertext", () => {
    expect(text(decrypt(STD.d, STD.ciphertext))).toBe(STD.plaintext);
  });

  it("decrypts the same ciphertext re-encoded as DER", () => {
    const der = convertCiphertext(STD.ciphertext, "der");
    expect(der[0]).toBe(0x30);
    expect(text(decrypt(STD.d, der))).toBe(STD.plaintext);
    expect(bytesToHex(convertCiphertext(der, "c1c3c2"))).toBe(bytesToHex(STD.ciphertext));
  });
});

describe("SM2 encrypt/decrypt", () => {
  it("round-trips random messages in both formats", () => {
    const { privateKey, publicKey } = generateKeyPair();
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.boolean(), (message, isDer) => {
        const ct = encrypt(publicKey, message, { format: isDer ? "der" : "c1c3c2" });
        expect(parseCiphertext(ct).format).toBe(isDer ? "der" : "c1c3c2");
        expect(bytesToHex(decrypt(privateKey, ct))).toBe(bytesToHex(message));
      }),
      { numRuns: 30 },
    );
  });

  it("defaults to DER", () => {
    const { publicKey } = generateKeyPair();
    expect(encrypt(publicKey, utf8ToBytes("x"))[0]).toBe(0x30);
  });

  it("rejects a wrong key, a flipped C2 or C3 byte, and a truncated ciphertext", () => {
    const { privateKey, publicKey } = generateKeyPair();
    const other = generateKeyPair();
    const ct = encrypt(publicKey, utf8ToBytes("secret order data"), { format: "c1c3c2" });
    expect(() => decrypt(other.privateKey, ct)).toThrow(expect.objectContaining({ code: "decrypt_failed" }));
    for (const at of [70, 100, ct.length - 1]) {
      const bad = Uint8Array.from(ct);
      bad[at] ^= 1;
      expect(() => decrypt(privateKey, bad)).toThrow(expect.objectContaining({ code: "decrypt_failed" }));
    }
    expect(() => decrypt(privateKey, ct.subarray(0, 97))).toThrow(PkiError);
  });

  it("rejects C1 that is not on the curve, in both formats", () => {
    const { privateKey, publicKey } = generateKeyPair();
    const raw = encrypt(publicKey, utf8ToBytes("m"), { format: "c1c3c2" });
    const bad = Uint8Array.from(raw);
    bad[64] ^= 1;
    expect(() => decrypt(privateKey, bad)).toThrow(expect.objectContaining({ code: "invalid_ciphertext" }));
    const parts = parseCiphertext(raw);
    const offCurveDer = encodeCiphertext({ ...parts, C1: bad.subarray(0, 65) }, "der");
    expect(() => decrypt(privateKey, offCurveDer)).toThrow(expect.objectContaining({ code: "invalid_ciphertext" }));
  });

  it("refuses empty messages and garbage ciphertexts", () => {
    const { privateKey, publicKey } = generateKeyPair();
    expect(() => encrypt(publicKey, new Uint8Array())).toThrow(PkiError);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 150 }), (garbage) => {
        expect(() => decrypt(privateKey, garbage)).toThrow(PkiError);
      }),
    );
  });

  it("expands the KDF with a 32-bit counter", () => {
    const z = utf8ToBytes("z");
    const long = sm2Kdf(z, 70);
    expect(long).toHaveLength(70);
    expect(bytesToHex(sm2Kdf(z, 32))).toBe(bytesToHex(long.subarray(0, 32)));
    expect(bytesToHex(sm2Kdf(z, 33))).toBe(bytesToHex(long.subarray(0, 33)));
  });
});

describe("SM2 encryption interoperability", () => {
  const key = opensslSm2Key();

  it("decrypts what OpenSSL encrypts (DER)", () => {
    for (const message of [utf8ToBytes("openssl → certdesk 你好"), new Uint8Array(500).fill(0xab)]) {
      const dir = makeTempDir();
      const input = writeTemp(dir, "m", message);
      const ct = openssl(["pkeyutl", "-encrypt", "-pubin", "-inkey", key.pubPath, "-in", input]);
      expect(ct[0]).toBe(0x30);
      expect(bytesToHex(decrypt(key.privateKey, ct))).toBe(bytesToHex(message));
    }
  });

  it("OpenSSL decrypts what we encrypt (DER)", () => {
    const message = utf8ToBytes("certdesk → openssl 你好");
    const dir = makeTempDir();
    const input = writeTemp(dir, "ct", encrypt(key.publicKey, message));
    const out = openssl(["pkeyutl", "-decrypt", "-inkey", key.keyPath, "-in", input]);
    expect(text(out)).toBe(text(message));
  });

  it("interoperates with sm-crypto's C1C3C2 (which drops the 04 prefix)", () => {
    const { privateKey, publicKey } = generateKeyPair();
    const message = utf8ToBytes("sm-crypto");
    const theirs = hexToBytes("04" + smCrypto.sm2.doEncrypt(Array.from(message), bytesToHex(publicKey), 1));
    expect(text(decrypt(privateKey, theirs))).toBe("sm-crypto");
    const ours = bytesToHex(encrypt(publicKey, message, { format: "c1c3c2" })).slice(2);
    expect(smCrypto.sm2.doDecrypt(ours, bytesToHex(privateKey), 1)).toBe("sm-crypto");
  });
});
