import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateKeyPair } from "@/lib/pki/sm2";
import { localSigner } from "@/lib/pki/signer";
import { buildCrl } from "@/lib/pki/crl/build-crl";
import { buildRootCaCertificate } from "@/lib/pki/x509/build-root-ca-certificate";
import { parseCrl } from "@/lib/pki/crl/parse-crl";
import { checkRevocationByCrl } from "@/lib/pki/verify/check-revocation-by-crl";
import { writeDemoCa, type DemoFixture } from "./demo-fixture";
import { extractSignedParts, flipByte, isVerifiedByPkeyutl, opensslOk, opensslVerifiesSignature } from "./openssl-helpers";

let fx: DemoFixture;
const pem = (name: string) => readFileSync(fx.file(name), "utf8");
const serialOf = (name: string) => opensslOk(["x509", "-in", fx.file(name), "-noout", "-serial"]).trim().replace("serial=", "");

beforeAll(async () => {
  fx = await writeDemoCa();
});
afterAll(() => fx.cleanup());

describe("CRL checked by OpenSSL", () => {
  it("lists the revoked serial with its reason, the CRL number and AKI", () => {
    const out = opensslOk(["crl", "-inform", "DER", "-in", fx.file("crl.der"), "-noout", "-text"]);
    expect(out).toContain("Version 2 (0x1)");
    expect(out).toMatch(/X509v3 CRL Number:\s+1\n/);
    expect(out).toContain("X509v3 Authority Key Identifier");
    expect(out).toContain(`Serial Number: ${serialOf("revoked.pem")}`);
    expect(out).toMatch(/CRL Reason Code:\s+Key Compromise/);
    expect(out).not.toContain(serialOf("sign.pem"));
    expect(out).toContain("Signature Algorithm: SM2-with-SM3");
    expect(out).toContain("Issuer: C = CN, O = CertDesk Demo, CN = CertDesk Demo SM2 Issuing CA");
  });

  it("verifies the CRL signature with the CA key through asn1parse + pkeyutl, and refuses a flipped byte", () => {
    expect(opensslVerifiesSignature(fx.file("crl.der"), fx.file("ca.pub.pem"))).toBe(true);
    expect(opensslVerifiesSignature(fx.file("crl.der"), fx.file("root.pub.pem"))).toBe(false);
    const { tbs, sig } = extractSignedParts(fx.file("crl.der"));
    expect(isVerifiedByPkeyutl(fx.file("ca.pub.pem"), flipByte(tbs), sig)).toBe(false);
  });

  it("writes no revokedCertificates list when nothing is revoked (RFC 5280 5.1.2.6)", async () => {
    const signer = localSigner(generateKeyPair().privateKey);
    const validity = { notBefore: new Date(Date.now() - 1000), notAfter: new Date(Date.now() + 864e5) };
    const root = await buildRootCaCertificate({ subject: { organizationName: "T", commonName: "Empty CRL Root" }, validity }, { signer });
    const crl = await buildCrl({ crlNumber: 2n, thisUpdate: new Date(), nextUpdate: new Date(Date.now() + 864e5) }, { certificate: root.der, signer });
    writeFileSync(fx.file("empty.crl"), crl.der);
    expect(opensslOk(["crl", "-inform", "DER", "-in", fx.file("empty.crl"), "-noout", "-text"])).toContain("No Revoked Certificates.");
  });

  it("refuses a signer that does not hold the CA's key", async () => {
    const wrong = localSigner(generateKeyPair().privateKey);
    await expect(
      buildCrl({ crlNumber: 3, thisUpdate: new Date(), nextUpdate: new Date(Date.now() + 864e5) }, { certificate: pem("ca.pem"), signer: wrong }),
    ).rejects.toMatchObject({ code: "invalid_key" });
  });
});

describe("parseCrl and checkRevocationByCrl", () => {
  it("parses number, times and entries", () => {
    const parsed = parseCrl(readFileSync(fx.file("crl.der")));
    expect(parsed.crlNumber).toBe(1n);
    expect(parsed.entries[0]).toMatchObject({ serialHex: serialOf("revoked.pem").toLowerCase(), reason: "keyCompromise" });
    expect(parsed.nextUpdate!.getTime()).toBeGreaterThan(parsed.thisUpdate.getTime());
  });

  it("finds the revoked certificate and passes the good one", async () => {
    const crl = readFileSync(fx.file("crl.der"));
    const revoked = await checkRevocationByCrl(pem("revoked.pem"), crl, pem("ca.pem"));
    expect(revoked).toMatchObject({ status: "revoked", reason: "keyCompromise", reasons: ["revoked"] });
    const good = await checkRevocationByCrl(pem("sign.pem"), crl, pem("ca.pem"));
    expect(good).toMatchObject({ status: "good", reasons: [] });
  });

  it("trusts no answer from a tampered, foreign or stale CRL", async () => {
    const crl = Uint8Array.from(readFileSync(fx.file("crl.der")));
    const tampered = crl.slice();
    tampered[crl.length - 10] ^= 0x01; // inside the signature value
    expect((await checkRevocationByCrl(pem("revoked.pem"), tampered, pem("ca.pem"))).status).toBe("unknown");
    const foreign = await checkRevocationByCrl(pem("revoked.pem"), crl, pem("root.pem"));
    expect(foreign).toMatchObject({ status: "unknown", reasons: ["issuer_mismatch"] });
    const stale = await checkRevocationByCrl(pem("revoked.pem"), crl, pem("ca.pem"), new Date(Date.now() + 30 * 864e5));
    expect(stale).toMatchObject({ status: "unknown", reasons: ["crl_expired"] });
    const garbage = await checkRevocationByCrl(pem("revoked.pem"), new Uint8Array([1, 2, 3]), pem("ca.pem"));
    expect(garbage.reasons).toEqual(["malformed"]);
  });
});
