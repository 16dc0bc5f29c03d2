// Hole 7 of issue 17 (the HSM-ready part): CA keys behind a KeyDevice that only generates keys and
// signs digests. The host checks every answer before it goes into a certificate, CRL or OCSP answer.
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it, vi } from "vitest";
import { derToPem } from "@/lib/pki/pem";
import { bigIntToBytes, bytesToHex, utf8ToBytes } from "@/lib/pki/encoding";
import { SM2_N, generateKeyPair, signDigest, verify } from "@/lib/pki/sm2";
import { derSignatureToRaw } from "@/lib/pki/sm2-raw-signature";
import type { Sm2Signer } from "@/lib/pki/signer";
import { buildOcspRequest } from "@/lib/pki/ocsp/build-ocsp-request";
import { parseOcspResponse } from "@/lib/pki/ocsp/parse-ocsp-response";
import { DEMO_USCC } from "@/lib/pki/demo/demo-profile";
import { db } from "@/lib/db/client";
import { ensureCaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { issueCertificates } from "@/lib/server/certs/issue-certificates";
import { generateCrl } from "@/lib/server/ca/generate-crl";
import { respondOcsp } from "@/lib/server/ca/ocsp-respond";
import { keyCustody, useKeyDevice, type KeyCustody, type KeyDevice } from "@/lib/server/ca/key-custody";
import { localKeyCustody } from "@/lib/server/ca/local-key-custody";
import { createUser } from "../support/factories";
import { expectAppError } from "../support/expect-app-error";
import { DIST_ID, openssl } from "../unit/pki/openssl-helpers";
import { issuedUnit, phoneKeygen, scratchDir } from "./certs-support";

type Mode = "honest" | "flipped" | "rZero" | "sIsN" | "otherKey" | "short" | "substituted";
let mode: Mode = "honest";
const other = generateKeyPair();
let calls = 0;

/** The software device with a fault switched on by `mode`: what a broken or swapped HSM might answer. */
const faulty: KeyDevice = {
  name: "faulty-test-device",
  generateKey: (label) => localKeyCustody.generateKey(label),
  async publicKey(keyRef, client) {
    if (mode === "substituted") return other.publicKey;
    return localKeyCustody.publicKey!(keyRef, client);
  },
  async signDigest(keyRef, e) {
    calls++;
    const raw = await localKeyCustody.signDigest(keyRef, e);
    switch (mode) {
      case "honest":
        return raw;
      case "flipped":
        raw[63] ^= 1;
        return raw;
      case "rZero":
        raw.fill(0, 0, 32);
        return raw;
      case "sIsN":
        raw.set(bigIntToBytes(SM2_N, 32), 32);
        return raw;
      case "otherKey":
      case "substituted":
        return derSignatureToRaw(signDigest(e, other.privateKey));
      case "short":
        return raw.subarray(0, 63);
    }
  },
};

const scratch = scratchDir();
let hierarchy: Awaited<ReturnType<typeof ensureCaHierarchy>>;

beforeAll(async () => {
  useKeyDevice(faulty);
  hierarchy = await ensureCaHierarchy();
});
afterEach(() => {
  mode = "honest";
  vi.restoreAllMocks();
});
afterAll(() => {
  useKeyDevice(undefined);
  scratch.cleanup();
});

async function issueFor(userId: string) {
  const sign = await phoneKeygen(userId);
  const encrypt = await phoneKeygen(userId);
  return issueCertificates({ userId, keyShares: { sign: sign.keyShareId, encrypt: encrypt.keyShareId }, subject: { type: "UNIT", orgName: "托管测试有限公司", uscc: DEMO_USCC }, years: 1 });
}

describe("a device whose signatures do not check out signs nothing", () => {
  for (const bad of ["flipped", "rZero", "sIsN", "otherKey", "short"] as const) {
    it(`${bad}: no certificate is issued, a warning names the device and no secret`, async () => {
      const user = await createUser();
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      mode = bad;
      const before = calls;
      // The builders wrap the signer's AppError in their own PkiError (a 500 either way).
      await expect(issueFor(user.id)).rejects.toThrow(/signer failed: errors\.internal/);
      expect(calls).toBeGreaterThan(before); // the device was asked, and its answer refused
      expect(await db.certificate.count({ where: { userId: user.id } })).toBe(0);
      const warned = warn.mock.calls.map((c) => String(c[0])).join("\n");
      expect(warned).toContain('key device "faulty-test-device" gave a bad signature');
      expect(warned).not.toMatch(/[0-9a-f]{64}/); // no e, r, s or key in hex
    });
  }

  it("no CRL is written with a bad signature", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const count = () => db.crl.count({ where: { caId: hierarchy.issuing.id } });
    const before = await count();
    for (const bad of ["flipped", "rZero", "sIsN", "otherKey"] as const) {
      mode = bad;
      await expect(generateCrl({ caId: hierarchy.issuing.id })).rejects.toThrow(/signer failed: errors\.internal/);
    }
    expect(await count()).toBe(before);
    mode = "honest";
    await generateCrl({ caId: hierarchy.issuing.id });
    expect(await count()).toBe(before + 1);
  });

  it("no OCSP answer is signed with a bad signature (the responder answers internalError)", async () => {
    const { issued } = await issuedUnit();
    const ask = async () =>
      respondOcsp({ request: { der: buildOcspRequest({ certificate: issued.sign.der, issuer: hierarchy.issuing.certDer, options: { nonce: true } }).der } });
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    mode = "otherKey";
    const refused = await ask();
    expect(refused.source).toBe("error");
    expect(parseOcspResponse(refused.der).responseStatus).toBe("internalError");
    mode = "honest";
    const answered = await ask();
    expect(answered.source).toBe("signed");
    expect(parseOcspResponse(answered.der).responses[0]?.status).toBe("good");
  });

  it("the signer itself throws AppError internal for each bad answer", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const signer = await keyCustody().signer(hierarchy.issuing.keyRef);
    for (const bad of ["flipped", "rZero", "sIsN", "otherKey", "short"] as const) {
      mode = bad;
      await expectAppError(signer.sign(utf8ToBytes("x")), "internal", "errors.internal");
    }
  });

  it("a device that now holds another public key under the CA's keyRef gets no signer", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    mode = "substituted";
    await expectAppError(keyCustody().signer(hierarchy.issuing.keyRef), "internal");
    expect(String(warn.mock.calls[0]?.[0])).toContain("holds another public key");
  });
});

describe("a correct device", () => {
  it("signs certificates that OpenSSL verifies against the issuing CA", async () => {
    const user = await createUser();
    const issued = await issueFor(user.id);
    const caPem = scratch.write("issuing.pem", derToPem(hierarchy.issuing.certDer, "CERTIFICATE"));
    const leaf = scratch.write("leaf.pem", issued.sign.pem);
    const result = openssl(["verify", "-vfyopt", `distid:${DIST_ID}`, "-partial_chain", "-CAfile", caPem, leaf]);
    expect(result.stdout.trim()).toBe(`${leaf}: OK`);
    const rootPem = scratch.write("root.pem", derToPem(hierarchy.root.certDer, "CERTIFICATE"));
    const chain = openssl(["verify", "-vfyopt", `distid:${DIST_ID}`, "-CAfile", rootPem, caPem]);
    expect(chain.stdout.trim()).toBe(`${caPem}: OK`);
  });

  it("gives a signer whose DER signatures verify under the CA key", async () => {
    const signer = await keyCustody().signer(hierarchy.issuing.keyRef);
    const data = utf8ToBytes("托管签名");
    expect(verify(await signer.sign(data), data, signer.publicKey)).toBe(true);
    expect(bytesToHex(signer.publicKey).startsWith("04")).toBe(true);
  });
});

describe("no way to read a private key", () => {
  it("the interfaces name only generation, digest signing and public keys", () => {
    expectTypeOf<keyof KeyDevice>().toEqualTypeOf<"name" | "generateKey" | "signDigest" | "publicKey">();
    expectTypeOf<keyof KeyCustody>().toEqualTypeOf<"name" | "createKey" | "signer">();
    expectTypeOf<keyof Sm2Signer>().toEqualTypeOf<"publicKey" | "sign" | "checksOwnSignatures">();
    expect(Object.keys(localKeyCustody).sort()).toEqual(["generateKey", "name", "publicKey", "signDigest"]);
    expect(Object.keys(keyCustody()).sort()).toEqual(["createKey", "name", "signer"]);
  });

  it("a generated key comes back as a reference, a public key and the sealed key only", async () => {
    const key = await keyCustody().createKey("probe");
    expect(Object.keys(key).sort()).toEqual(["keyRef", "publicKey", "wrappedKey"]);
    expect(key.publicKey).toHaveLength(65);
    // The sealed form is not the 32 key bytes in any plain encoding.
    expect(key.wrappedKey).not.toMatch(/^[0-9a-f]{64}$/);
    const signer = await keyCustody().signer(key.keyRef);
    // Nothing but the public key, the signing call and the flag that it checks its own signatures.
    expect(Object.keys(signer).sort()).toEqual(["checksOwnSignatures", "publicKey", "sign"]);
    expect(signer.checksOwnSignatures).toBe(true);
  });
});
