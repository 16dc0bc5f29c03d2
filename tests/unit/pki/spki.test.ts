import { describe, expect, it } from "vitest";
import { bytesToHex, hexToBytes } from "@/lib/pki/encoding";
import { PkiError } from "@/lib/pki/errors";
import { derToPem, pemToDer } from "@/lib/pki/pem";
import { decodeSpki, encodeSpki } from "@/lib/pki/spki";
import { generateKeyPair, sm2Point } from "@/lib/pki/sm2";
import { makeTempDir, openssl, opensslSm2Key, writeTemp } from "./helpers/openssl";

describe("SM2 SubjectPublicKeyInfo", () => {
  it("encodes exactly what OpenSSL writes for the same key", () => {
    const key = opensslSm2Key();
    const theirs = openssl(["pkey", "-pubin", "-in", key.pubPath, "-outform", "DER"]);
    expect(bytesToHex(encodeSpki(key.publicKey))).toBe(bytesToHex(theirs));
    expect(bytesToHex(decodeSpki(theirs))).toBe(bytesToHex(key.publicKey));
  });

  it("writes PEM that OpenSSL reads as an SM2 key", () => {
    const { publicKey } = generateKeyPair();
    const pem = derToPem(encodeSpki(publicKey), "PUBLIC KEY");
    const file = writeTemp(makeTempDir(), "pub.pem", pem);
    const text = new TextDecoder().decode(openssl(["pkey", "-pubin", "-in", file, "-text", "-noout"]));
    expect(text).toContain("ASN1 OID: SM2");
    expect(bytesToHex(decodeSpki(pemToDer(pem, "PUBLIC KEY")))).toBe(bytesToHex(publicKey));
  });

  it("accepts a compressed key on input and always writes it uncompressed", () => {
    const { publicKey } = generateKeyPair();
    const compressed = sm2Point.fromBytes(publicKey).toBytes(true);
    expect(bytesToHex(decodeSpki(encodeSpki(compressed)))).toBe(bytesToHex(publicKey));
  });

  it("refuses other curves, other algorithms and bad points", () => {
    const p256 = openssl(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"]);
    const p256Pub = openssl(["pkey", "-pubout", "-outform", "DER"], p256);
    expect(() => decodeSpki(p256Pub)).toThrow(expect.objectContaining({ code: "invalid_key" }));
    const { publicKey } = generateKeyPair();
    const good = encodeSpki(publicKey);
    const offCurve = Uint8Array.from(good);
    offCurve[offCurve.length - 1] ^= 1;
    expect(() => decodeSpki(offCurve)).toThrow(PkiError);
    expect(() => decodeSpki(good.subarray(0, good.length - 1))).toThrow(PkiError);
    expect(() => decodeSpki(hexToBytes("3000"))).toThrow(PkiError);
  });
});
