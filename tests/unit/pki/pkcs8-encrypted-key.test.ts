import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { equalBytes } from "@/lib/pki/encoding";
import { PkiError } from "@/lib/pki/errors";
import { pemToDer } from "@/lib/pki/pem";
import { generateKeyPair } from "@/lib/pki/sm2";
import { decodeSpki, encodeSpki } from "@/lib/pki/spki";
import { decryptPrivateKey } from "@/lib/pki/pkcs8/decrypt-private-key";
import { encryptPrivateKey, PBKDF2_DEFAULT_ITERATIONS } from "@/lib/pki/pkcs8/encrypt-private-key";
import { openssl, opensslOk } from "./openssl-helpers";

const dir = mkdtempSync(path.join(tmpdir(), "certdesk-pkcs8-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => path.join(dir, name);
// Tests that are not about the work factor use a small one; one test runs the real default.
const FAST = 2048;

async function rejection(promise: Promise<unknown>): Promise<PkiError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(PkiError);
  return error as PkiError;
}

function publicKeyFromOpenssl(keyFile: string, passphrase: string): Uint8Array {
  opensslOk(["pkey", "-in", keyFile, "-passin", `pass:${passphrase}`, "-pubout", "-outform", "DER", "-out", `${keyFile}.pub.der`]);
  return decodeSpki(new Uint8Array(readFileSync(`${keyFile}.pub.der`)));
}

describe("encrypted PKCS#8 SM2 key files", () => {
  it("round-trips with the default work factor, PBKDF2-HMAC-SHA256 ≥ 600,000 iterations and AES-256-CBC", async () => {
    const { privateKey, publicKey } = generateKeyPair();
    const started = performance.now();
    const { pem } = await encryptPrivateKey({ privateKey, passphrase: "根密钥 passphrase" });
    const encryptMs = performance.now() - started;
    expect(pem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    const opened = await decryptPrivateKey({ pem, passphrase: "根密钥 passphrase" });
    expect(equalBytes(opened.privateKey, privateKey)).toBe(true);
    expect(equalBytes(opened.publicKey, publicKey)).toBe(true);
    console.info(`[pkcs8] PBKDF2-HMAC-SHA256 × ${PBKDF2_DEFAULT_ITERATIONS}: encrypt ${encryptMs.toFixed(0)} ms`);

    const text = opensslOk(["asn1parse", "-in", writeTo("default.pem", pem)]);
    expect(text).toContain(":PBES2");
    expect(text).toContain(":PBKDF2");
    expect(text).toContain(":hmacWithSHA256");
    expect(text).toContain(":aes-256-cbc");
    const iterations = /INTEGER\s+:([0-9A-F]+)/.exec(text)?.[1];
    expect(parseInt(iterations ?? "0", 16)).toBeGreaterThanOrEqual(600_000);
  });

  it("refuses a wrong passphrase with a clear error, and an empty passphrase when writing", async () => {
    const { privateKey } = generateKeyPair();
    const { pem } = await encryptPrivateKey({ privateKey, passphrase: "right one", iterations: FAST });
    for (const wrong of ["right on", "Right one", "right one ", ""]) {
      const error = await rejection(decryptPrivateKey({ pem, passphrase: wrong }));
      expect(error.code).toBe("decrypt_failed");
      expect(error.message).toMatch(/wrong passphrase/);
    }
    expect((await rejection(encryptPrivateKey({ privateKey, passphrase: "" }))).message).toMatch(/empty passphrase/);
  });

  it("is opened by `openssl pkey -passin`, with the same public key, and refused by it with a wrong passphrase", async () => {
    const { privateKey, publicKey } = generateKeyPair();
    const { pem } = await encryptPrivateKey({ privateKey, passphrase: "open sesame", iterations: FAST });
    const keyFile = writeTo("ours.pem", pem);
    expect(equalBytes(publicKeyFromOpenssl(keyFile, "open sesame"), publicKey)).toBe(true);
    const text = opensslOk(["pkey", "-in", keyFile, "-passin", "pass:open sesame", "-text", "-noout"]);
    expect(text).toContain("ASN1 OID: SM2");
    expect(openssl(["pkey", "-in", keyFile, "-passin", "pass:open sesamE", "-noout"]).status).not.toBe(0);
    // And OpenSSL's own PKCS#8 reading agrees on the encoding: SPKI bytes identical.
    opensslOk(["pkey", "-in", keyFile, "-passin", "pass:open sesame", "-pubout", "-outform", "DER", "-out", `${keyFile}.spki`]);
    expect(equalBytes(new Uint8Array(readFileSync(`${keyFile}.spki`)), encodeSpki(publicKey))).toBe(true);
  });

  it("reads a key that OpenSSL generated and encrypted (pkcs8 -topk8 -v2 aes-256-cbc, PBKDF2 and scrypt)", async () => {
    const plainKey = file("openssl-sm2.pem");
    opensslOk(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", plainKey]);
    opensslOk(["pkey", "-in", plainKey, "-pubout", "-outform", "DER", "-out", `${plainKey}.spki`]);
    const expected = decodeSpki(new Uint8Array(readFileSync(`${plainKey}.spki`)));
    const variants = {
      pbkdf2: ["-v2", "aes-256-cbc"],
      sha512: ["-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA512", "-iter", "10000"],
      scrypt: ["-v2", "aes-256-cbc", "-scrypt"],
    };
    for (const [name, options] of Object.entries(variants)) {
      const out = file(`openssl-${name}.pem`);
      opensslOk(["pkcs8", "-topk8", ...options, "-in", plainKey, "-out", out, "-passout", "pass:from openssl"]);
      const opened = await decryptPrivateKey({ pem: readFileSync(out, "utf8"), passphrase: "from openssl" });
      expect(equalBytes(opened.publicKey, expected), name).toBe(true);
      expect((await rejection(decryptPrivateKey({ pem: readFileSync(out, "utf8"), passphrase: "from opensst" }))).code).toBe("decrypt_failed");
    }
  });

  it("refuses an unencrypted key, a key on another curve and a damaged file", async () => {
    const plainKey = file("plain-sm2.pem");
    opensslOk(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", plainKey]);
    expect((await rejection(decryptPrivateKey({ pem: readFileSync(plainKey, "utf8"), passphrase: "x" }))).message).toMatch(/not encrypted/);

    const p256 = file("p256.pem");
    opensslOk(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", `${p256}.plain`]);
    opensslOk(["pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", `${p256}.plain`, "-out", p256, "-passout", "pass:p256"]);
    const notSm2 = await rejection(decryptPrivateKey({ pem: readFileSync(p256, "utf8"), passphrase: "p256" }));
    expect(notSm2.code).toBe("invalid_key");
    expect(notSm2.message).toMatch(/not an SM2 key/);

    const { privateKey } = generateKeyPair();
    const { der } = await encryptPrivateKey({ privateKey, passphrase: "pw", iterations: FAST });
    const damaged = Uint8Array.from(der);
    damaged[damaged.length - 20] ^= 0x40; // inside the ciphertext
    const { derToPem } = await import("@/lib/pki/pem");
    expect((await rejection(decryptPrivateKey({ pem: derToPem(damaged, "ENCRYPTED PRIVATE KEY"), passphrase: "pw" }))).code).toBe("decrypt_failed");
    expect((await rejection(decryptPrivateKey({ pem: "not a key", passphrase: "pw" }))).code).toBe("invalid_der");
    expect(pemToDer(derToPem(der, "ENCRYPTED PRIVATE KEY"))).toEqual(der);
  });
});

function writeTo(name: string, contents: string): string {
  writeFileSync(file(name), contents);
  return file(name);
}
