import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signCmsDetached } from "@/lib/pki/cms/sign-cms-detached";
import { generateKeyPair } from "@/lib/pki/sm2";
import { localSigner } from "@/lib/pki/signer";
import { buildEndEntityCertificate } from "@/lib/pki/x509/build-end-entity-certificate";
import { DEMO_URLS, DEMO_USCC } from "@/lib/pki/demo/demo-profile";
import { readDetachedCms } from "@/lib/pki/cms/read-detached-cms";
import { sm3 } from "@/lib/pki/sm3";
import { bytesToHex } from "@/lib/pki/encoding";
import { certificateSerialHex } from "@/lib/pki/x509/certificate-input";
import { verifyCmsDetached, verifyCmsDetachedFully, type CmsVerificationResult, type VerifyCmsDetachedInput } from "@/lib/pki/verify/verify-cms-detached";
import { writeDemoCa, type DemoFixture } from "./demo-fixture";

// verifyCmsDetached reads the phone's CMS shape straight from its DER and answers only when every
// check passes; the full pkijs path decides everything else. The two must never disagree.
let fx: DemoFixture;
const bytes = (name: string) => new Uint8Array(readFileSync(fx.file(name)));
const pem = (name: string) => readFileSync(fx.file(name), "utf8");

beforeAll(async () => {
  fx = await writeDemoCa();
});
afterAll(() => fx.cleanup());

function summary(r: CmsVerificationResult) {
  return {
    valid: r.valid,
    reasons: r.reasons,
    problems: r.problems,
    signer: r.signer && { subject: r.signer.subject, issuer: r.signer.issuer, serialHex: r.signer.serialHex },
    signingTime: r.signingTime?.toISOString(),
    digestAlgorithm: r.digestAlgorithm,
    signedAttributes: r.signedAttributes && bytesToHex(r.signedAttributes),
    chain: r.chain.map((c) => certificateSerialHex(c)),
  };
}

async function bothAgree(input: VerifyCmsDetachedInput) {
  const [fast, full] = await Promise.all([verifyCmsDetached(input), verifyCmsDetachedFully(input)]);
  expect(summary(fast)).toEqual(summary(full));
  return fast;
}

// A small deterministic generator, so a failing mutation can be replayed.
function prng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 2 ** 32;
  };
}

describe("verifyCmsDetached: the DER path and the full path", () => {
  it("reads the desk's own detached CMS shape (the path is taken) and gives the full path's answer", async () => {
    expect(readDetachedCms(bytes("data.p7s"))).not.toBeNull();
    const result = await bothAgree({ p7s: bytes("data.p7s"), data: bytes("data.bin"), trustedRoots: [pem("root.pem")] });
    expect(result.valid).toBe(true);
    // A digest instead of the data, and PEM input.
    const key = generateKeyPair();
    const validity = { notBefore: new Date(Date.now() - 1000), notAfter: new Date(Date.now() + 864e5) };
    const leaf = await buildEndEntityCertificate(
      { subject: { type: "unit", organizationName: "T", uscc: DEMO_USCC }, usage: "signing", publicKey: key.publicKey, validity, urls: DEMO_URLS.issuing },
      { certificate: pem("ca.pem"), signer: fx.demo.signers.ca },
    );
    const signed = await signCmsDetached({ digest: sm3(bytes("data.bin")), signer: { certificate: leaf.der, signer: localSigner(key.privateKey) } });
    expect(readDetachedCms(signed.der)).not.toBeNull();
    expect((await bothAgree({ p7s: signed.pem, digest: sm3(bytes("data.bin")), trustedRoots: [pem("root.pem")], intermediates: [pem("ca.pem")] })).valid).toBe(true);
  });

  it("agrees on every failure: wrong data, wrong root, a CA key, wrong digest kind, the future", async () => {
    const good = { p7s: bytes("data.p7s"), data: bytes("data.bin"), trustedRoots: [pem("root.pem")] };
    const data = bytes("data.bin");
    data[0] ^= 1;
    expect((await bothAgree({ ...good, data })).reasons).toEqual(["digest_mismatch"]);
    expect((await bothAgree({ ...good, trustedRoots: [pem("ca.pem")] })).valid).toBe(true); // the issuing CA as anchor
    expect((await bothAgree({ ...good, trustedRoots: [pem("ocsp.pem")] })).valid).toBe(false);
    expect((await bothAgree({ ...good, at: new Date("2100-01-01") })).valid).toBe(false);
    const caSigned = await signCmsDetached({ data: bytes("data.bin"), signer: { certificate: pem("ca.pem"), signer: fx.demo.signers.ca } });
    expect((await bothAgree({ ...good, p7s: caSigned.der })).reasons).toEqual(["key_usage_missing"]);
  });

  it("agrees on 400 single-byte changes and 60 truncations of a good signature", async () => {
    const original = bytes("data.p7s");
    const random = prng(20261202);
    let valid = 0;
    for (let i = 0; i < 400; i++) {
      const p7s = original.slice();
      const at = Math.floor(random() * p7s.length);
      p7s[at] ^= 1 << Math.floor(random() * 8);
      if ((await bothAgree({ p7s, data: bytes("data.bin"), trustedRoots: [pem("root.pem")] })).valid) valid++;
    }
    for (let i = 0; i < 60; i++) {
      const p7s = original.slice(0, Math.floor(random() * original.length));
      expect((await bothAgree({ p7s, data: bytes("data.bin"), trustedRoots: [pem("root.pem")] })).valid).toBe(false);
    }
    // Some bit flips land where nothing is checked (the unsigned certificate set's order, say): a few may stay valid.
    expect(valid).toBeLessThan(40);
  });

  it("hands BER and other shapes to the full parser", async () => {
    const der = bytes("data.p7s");
    // The outer SEQUENCE re-encoded with an indefinite length: valid BER, not DER.
    const header = der[1]! & 0x80 ? 2 + (der[1]! & 0x7f) : 2;
    const ber = new Uint8Array([0x30, 0x80, ...der.subarray(header), 0x00, 0x00]);
    expect(readDetachedCms(ber)).toBeNull();
    await bothAgree({ p7s: ber, data: bytes("data.bin"), trustedRoots: [pem("root.pem")] });
    expect(readDetachedCms(new Uint8Array([0x30, 0x00]))).toBeNull();
    expect(readDetachedCms(new Uint8Array([...der, 0x00]))).toBeNull();
  });

  it("answers malformed, never throws, on bytes asn1js throws on (a UniversalString of 5 bytes)", async () => {
    const p7s = new Uint8Array([0x30, 0x07, 0x1c, 0x05, 0x41, 0x42, 0x43, 0x44, 0x45]);
    const result = await bothAgree({ p7s, data: bytes("data.bin"), trustedRoots: [pem("root.pem")] });
    expect(result.reasons).toEqual(["malformed"]);
  });
});
