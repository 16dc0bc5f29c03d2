// Certificates parsed once per process, keyed by their DER bytes (lib/pki/x509/parsed-certificate.ts).
import { describe, expect, it } from "vitest";
import { generateKeyPair } from "@/lib/pki/sm2";
import { localSigner } from "@/lib/pki/signer";
import { buildRootCaCertificate } from "@/lib/pki/x509/build-root-ca-certificate";
import { certificatePublicKey, certificateToDer } from "@/lib/pki/x509/certificate-input";
import { parsedCertificate } from "@/lib/pki/x509/parsed-certificate";
import { demoValidity } from "@/lib/pki/demo/demo-profile";
import { verifyChain } from "@/lib/pki/verify/verify-chain";

async function root(name: string) {
  const key = generateKeyPair();
  const cert = await buildRootCaCertificate({ subject: { organizationName: "Cache", commonName: name }, validity: demoValidity(new Date(), 30) }, { signer: localSigner(key.privateKey) });
  return { der: cert.der, publicKey: key.publicKey };
}

describe("parsedCertificate", () => {
  it("parses each DER once: the same bytes (also in another buffer) give the same object, other bytes their own", async () => {
    const a = await root("A");
    const b = await root("B");
    const first = parsedCertificate(a.der);
    expect(parsedCertificate(new Uint8Array(a.der))).toBe(first);
    expect(Buffer.from(certificateToDer(first)).equals(Buffer.from(a.der))).toBe(true);
    expect(Buffer.from(certificatePublicKey(first)).equals(Buffer.from(a.publicKey))).toBe(true);
    const other = parsedCertificate(b.der);
    expect(other).not.toBe(first);
    expect(Buffer.from(certificatePublicKey(other)).equals(Buffer.from(b.publicKey))).toBe(true);
    // A DER inside a larger buffer (a subarray) is keyed by its own bytes only.
    const padded = new Uint8Array(a.der.length + 8);
    padded.set(a.der, 4);
    expect(parsedCertificate(padded.subarray(4, 4 + a.der.length))).toBe(first);
  });

  it("a chain check against roots given as DER still tells a trusted root from another", async () => {
    const a = await root("A");
    const b = await root("B");
    expect((await verifyChain({ leaf: a.der, roots: [a.der] })).valid).toBe(true);
    expect((await verifyChain({ leaf: a.der, roots: [b.der] })).valid).toBe(false);
    expect((await verifyChain({ leaf: a.der, roots: [b.der, a.der] })).valid).toBe(true);
  });
});
