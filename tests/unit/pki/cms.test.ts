import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateKeyPair } from "@/lib/pki/sm2";
import { localSigner } from "@/lib/pki/signer";
import { signCmsDetached } from "@/lib/pki/cms/sign-cms-detached";
import { buildRootCaCertificate } from "@/lib/pki/x509/build-root-ca-certificate";
import { verifyCmsDetached } from "@/lib/pki/verify/verify-cms-detached";
import { DEMO_ORG } from "@/lib/pki/demo/demo-profile";
import { writeDemoCa, type DemoFixture } from "./demo-fixture";
import { asn1parse, extractCmsSignedAttributes, flipByte, isVerifiedByPkeyutl, opensslOk, publicKeyOf } from "./openssl-helpers";

let fx: DemoFixture;
const pem = (name: string) => readFileSync(fx.file(name), "utf8");
const bytes = (name: string) => new Uint8Array(readFileSync(fx.file(name)));

beforeAll(async () => {
  fx = await writeDemoCa();
});
afterAll(() => fx.cleanup());

describe("detached CMS checked by OpenSSL", () => {
  it("prints as detached SignedData with SM3, SM2-with-SM3 and the three signed attributes", () => {
    const out = opensslOk(["cms", "-cmsout", "-print", "-inform", "DER", "-in", fx.file("data.p7s")]);
    expect(out).toContain("contentType: pkcs7-signedData");
    expect(out).toContain("eContent: <ABSENT>");
    expect(out).toMatch(/digestAlgorithm:\s+algorithm: sm3/);
    expect(out).toMatch(/signatureAlgorithm:\s+algorithm: SM2-with-SM3 \(1\.2\.156\.10197\.1\.501\)\s+parameter: <ABSENT>/);
    for (const attr of ["contentType", "signingTime", "messageDigest"]) expect(out).toContain(`object: ${attr}`);
    expect(out).toContain("d.issuerAndSerialNumber");
  });

  it("carries messageDigest = openssl dgst -sm3 of data.bin", () => {
    const digest = opensslOk(["dgst", "-sm3", "-r", fx.file("data.bin")]).split(" ")[0];
    expect(extractCmsSignedAttributes(fx.file("data.p7s")).messageDigestHex).toBe(digest);
  });

  it("has signed attributes in DER SET order", () => {
    const nodes = asn1parse(fx.file("data.p7s"));
    const signerInfos = nodes.findLastIndex((n) => n.depth === 3 && n.type === "SET");
    const signedAttrs = nodes.slice(signerInfos).find((n) => n.depth === 5 && n.type === "cont [ 0 ]")!;
    const end = signedAttrs.offset + signedAttrs.headerLength + signedAttrs.length;
    const attrs = nodes.filter((n) => n.depth === 6 && n.offset > signedAttrs.offset && n.offset < end);
    const encodings = attrs.map((n) => readFileSync(fx.file("data.p7s")).subarray(n.offset, n.offset + n.headerLength + n.length).toString("hex"));
    expect(encodings.length).toBe(3);
    expect([...encodings].sort()).toEqual(encodings);
  });

  it("verifies the signature over the DER SET of signed attributes with sign.pem's key (pkeyutl)", () => {
    const { tbs, sig } = extractCmsSignedAttributes(fx.file("data.p7s"));
    const signPub = publicKeyOf(fx.file("sign.pem"));
    expect(isVerifiedByPkeyutl(signPub, tbs, sig)).toBe(true);
    expect(isVerifiedByPkeyutl(signPub, flipByte(tbs), sig)).toBe(false);
    expect(isVerifiedByPkeyutl(publicKeyOf(fx.file("enc.pem")), tbs, sig)).toBe(false);
  });
});

describe("verifyCmsDetached", () => {
  it("accepts the demo signature and reports signer, serial and signing time", async () => {
    const result = await verifyCmsDetached({ p7s: bytes("data.p7s"), data: bytes("data.bin"), trustedRoots: [pem("root.pem")] });
    expect(result.reasons).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.signer?.subject).toContain(`CN=${DEMO_ORG}`);
    const serial = opensslOk(["x509", "-in", fx.file("sign.pem"), "-noout", "-serial"]).trim().replace("serial=", "").toLowerCase();
    expect(result.signer?.serialHex).toBe(serial);
    expect(result.signingTime).toBeInstanceOf(Date);
    expect(result.digestAlgorithm).toBe("SM3");
    expect(result.chain).toHaveLength(3);
  });

  it("rejects modified data", async () => {
    const data = bytes("data.bin");
    data[0] ^= 0x20;
    const result = await verifyCmsDetached({ p7s: bytes("data.p7s"), data, trustedRoots: [pem("root.pem")] });
    expect(result.valid).toBe(false);
    expect(result.reasons).toEqual(["digest_mismatch"]);
  });

  it("rejects a tampered signed attribute, an untrusted root and garbage", async () => {
    const p7s = bytes("data.p7s");
    const time = Buffer.from(p7s).lastIndexOf(Buffer.from([0x17, 0x0d])) + 2 + 10; // a digit of signingTime (UTCTime)
    p7s[time] ^= 0x01;
    const tampered = await verifyCmsDetached({ p7s, data: bytes("data.bin"), trustedRoots: [pem("root.pem")] });
    expect(tampered.reasons).toEqual(["signature_invalid"]);

    const signer = localSigner(generateKeyPair().privateKey);
    const other = await buildRootCaCertificate(
      { subject: { organizationName: "Other", commonName: "Other Root" }, validity: { notBefore: new Date(Date.now() - 1000), notAfter: new Date(Date.now() + 864e5) } },
      { signer },
    );
    const untrusted = await verifyCmsDetached({ p7s: bytes("data.p7s"), data: bytes("data.bin"), trustedRoots: [other.der] });
    expect(untrusted.reasons).toEqual(["untrusted_root"]);

    const garbage = await verifyCmsDetached({ p7s: new Uint8Array([0x30, 0x00]), data: bytes("data.bin"), trustedRoots: [pem("root.pem")] });
    expect(garbage.reasons).toEqual(["malformed"]);
  });

  it("rejects a signature by a certificate that is not for signing", async () => {
    // Sign with the CA's own key and certificate: keyUsage keyCertSign/cRLSign only.
    const p7s = await signCmsDetached({ data: bytes("data.bin"), signer: { certificate: pem("ca.pem"), signer: fx.demo.signers.ca } });
    writeFileSync(fx.file("ca-signed.p7s"), p7s.der);
    const result = await verifyCmsDetached({ p7s: p7s.pem, data: bytes("data.bin"), trustedRoots: [pem("root.pem")] });
    expect(result.reasons).toEqual(["key_usage_missing"]);
    const { tbs, sig } = extractCmsSignedAttributes(fx.file("ca-signed.p7s"));
    expect(isVerifiedByPkeyutl(fx.file("ca.pub.pem"), tbs, sig)).toBe(true);
  });
});
