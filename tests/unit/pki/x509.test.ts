import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { generateKeyPair } from "@/lib/pki/sm2";
import { localSigner } from "@/lib/pki/signer";
import { buildEndEntityCertificate } from "@/lib/pki/x509/build-end-entity-certificate";
import { buildRootCaCertificate } from "@/lib/pki/x509/build-root-ca-certificate";
import { verifyCertificateSignature } from "@/lib/pki/verify/verify-certificate-signature";
import { parseCertificate } from "@/lib/pki/x509/certificate-input";
import { verifyChain } from "@/lib/pki/verify/verify-chain";
import { DEMO_ID_NUMBER, DEMO_SUBJECT_ID, DEMO_URLS, DEMO_USCC } from "@/lib/pki/demo/demo-profile";
import { writeDemoCa, type DemoFixture } from "./demo-fixture";
import { DIST_ID, asn1parse, certToDer, extractSignedParts, flipByte, isVerifiedByPkeyutl, openssl, opensslOk, opensslVerifiesSignature } from "./openssl-helpers";

let fx: DemoFixture;
const text = (name: string) => opensslOk(["x509", "-in", fx.file(name), "-noout", "-text", "-nameopt", "utf8,sep_comma_plus_space"]);
const pem = (name: string) => readFileSync(fx.file(name), "utf8");

beforeAll(async () => {
  fx = await writeDemoCa();
});
afterAll(() => fx.cleanup());

describe("certificates checked by OpenSSL", () => {
  it("verifies every end-entity certificate against the issuing CA (leaf, with the GM/T ID)", () => {
    for (const leaf of ["sign.pem", "enc.pem", "revoked.pem", "ocsp.pem"]) {
      const result = openssl(["verify", "-vfyopt", `distid:${DIST_ID}`, "-partial_chain", "-CAfile", fx.file("ca.pem"), fx.file(leaf)]);
      expect(result.stdout.trim(), result.stderr).toBe(`${fx.file(leaf)}: OK`);
    }
  });

  it("verifies the issuing CA against the root with openssl verify", () => {
    const result = openssl(["verify", "-vfyopt", `distid:${DIST_ID}`, "-CAfile", fx.file("root.pem"), fx.file("ca.pem")]);
    expect(result.stdout.trim(), result.stderr).toBe(`${fx.file("ca.pem")}: OK`);
  });

  it("verifies root self-signature, CA-by-root and leaf-by-CA through asn1parse + pkeyutl", () => {
    expect(opensslVerifiesSignature(certToDer(fx.file("root.pem")), fx.file("root.pub.pem"))).toBe(true);
    expect(opensslVerifiesSignature(certToDer(fx.file("ca.pem")), fx.file("root.pub.pem"))).toBe(true);
    expect(opensslVerifiesSignature(certToDer(fx.file("sign.pem")), fx.file("ca.pub.pem"))).toBe(true);
    // The wrong key must fail the same route, or the route proves nothing.
    expect(opensslVerifiesSignature(certToDer(fx.file("sign.pem")), fx.file("root.pub.pem"))).toBe(false);
  });

  it("refuses a TBS with one byte flipped", () => {
    const { tbs, sig } = extractSignedParts(certToDer(fx.file("ca.pem")));
    expect(isVerifiedByPkeyutl(fx.file("root.pub.pem"), tbs, sig)).toBe(true);
    expect(isVerifiedByPkeyutl(fx.file("root.pub.pem"), flipByte(tbs), sig)).toBe(false);
  });

  it("writes SM2-with-SM3 with parameters absent, like OpenSSL", () => {
    const { algorithmNode } = extractSignedParts(certToDer(fx.file("sign.pem")));
    expect(algorithmNode.length).toBe(10); // SEQUENCE { OID(8 bytes) } and nothing else
    expect(text("sign.pem")).toContain("Signature Algorithm: SM2-with-SM3");
  });

  it("gives CAs critical basicConstraints and keyCertSign/cRLSign", () => {
    expect(text("root.pem")).toMatch(/Basic Constraints: critical\s+CA:TRUE\n/);
    expect(text("ca.pem")).toMatch(/Basic Constraints: critical\s+CA:TRUE, pathlen:0/);
    for (const ca of ["root.pem", "ca.pem"]) expect(text(ca)).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/);
    expect(text("ca.pem")).toContain(`URI:${DEMO_URLS.root.crlDistributionPoints[0]}`);
  });

  it("profiles the unit's signing certificate", () => {
    const out = text("sign.pem");
    expect(out).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation/);
    // OpenSSL 3.0 has no name for id-kp-documentSigning (RFC 9336) and prints its OID.
    expect(out).toMatch(/Extended Key Usage:\s+TLS Web Client Authentication, 1\.3\.6\.1\.5\.5\.7\.3\.36, E-mail Protection\n/);
    expect(out).toContain(`URI:${DEMO_URLS.issuing.crlDistributionPoints[0]}`);
    expect(out).toContain(`OCSP - URI:${DEMO_URLS.issuing.ocsp[0]}`);
    expect(out).toContain(`CA Issuers - URI:${DEMO_URLS.issuing.caIssuers[0]}`);
    expect(out).toMatch(/Subject Key Identifier/);
    expect(out).toMatch(/Authority Key Identifier/);
    expect(out).toContain(`serialNumber=${DEMO_USCC}`);
    // GM/T 0015: 4.1.3 (工商注册号, now the unified code) the 18 characters, 4.1.4 the 9-character 组织机构代码 inside it.
    expect(out).toMatch(new RegExp(`1\\.2\\.156\\.10260\\.4\\.1\\.3:\\s+\\.\\.${DEMO_USCC}\\n`));
    expect(out).toMatch(new RegExp(`1\\.2\\.156\\.10260\\.4\\.1\\.4:\\s+\\.\\.${DEMO_USCC.slice(8, 17)}\\n`));
    expect(out).toContain("Subject: C=CN, O=CertDesk 演示单位有限公司, CN=CertDesk 演示单位有限公司");
  });

  it("profiles the unit's encryption certificate", () => {
    expect(text("enc.pem")).toMatch(/Key Usage: critical\s+Key Encipherment, Data Encipherment, Key Agreement/);
    expect(text("enc.pem")).not.toContain("Digital Signature");
    expect(text("enc.pem")).not.toContain("Extended Key Usage"); // none without an e-mail address
  });

  it("puts the given subject identifier in an individual's DN: neither the ID number nor its SM3", () => {
    const digest = opensslOk(["dgst", "-sm3", "-r"], { input: new TextEncoder().encode(DEMO_ID_NUMBER) }).split(" ")[0].toUpperCase();
    const out = text("revoked.pem");
    expect(out).toContain(`serialNumber=${DEMO_SUBJECT_ID}`);
    expect(out).not.toContain(digest);
    expect(out).not.toContain(DEMO_ID_NUMBER);
  });

  it("uses serial numbers of at least 64 random bits, positive", () => {
    for (const name of ["root.pem", "ca.pem", "sign.pem", "enc.pem", "revoked.pem"]) {
      const serial = opensslOk(["x509", "-in", fx.file(name), "-noout", "-serial"]).trim().replace("serial=", "");
      expect(serial.length).toBeGreaterThanOrEqual(16);
      expect(parseInt(serial.slice(0, 2), 16)).toBeLessThan(0x80);
    }
    const serialNode = asn1parse(certToDer(fx.file("sign.pem"))).find((n) => n.depth === 2 && n.type === "INTEGER" && n.length > 1);
    expect(serialNode?.length).toBe(16);
  });
  it("returns serial, fingerprints and validity that OpenSSL agrees with", async () => {
    const notBefore = new Date("2026-01-02T03:04:05.678Z");
    const issued = await buildEndEntityCertificate(
      {
        subject: { type: "individual", personName: "李四", idNumber: DEMO_ID_NUMBER, subjectId: DEMO_SUBJECT_ID, discloseIdNumber: true, email: "lisi@example.cn" },
        usage: "signing",
        publicKey: generateKeyPair().publicKey,
        validity: { notBefore, notAfter: new Date("2027-01-02T03:04:05Z") },
        urls: DEMO_URLS.issuing,
        policies: [{ oid: "1.2.156.112570.1.1.1", cpsUri: "https://pki.certdesk.example/cps" }],
      },
      { certificate: pem("ca.pem"), signer: fx.demo.signers.ca },
    );
    writeFileSync(fx.file("issued.pem"), issued.pem);
    const colonHex = (hex: string) => hex.toUpperCase().match(/../g)!.join(":");
    const fingerprint = (digest: string) => opensslOk(["x509", "-in", fx.file("issued.pem"), "-noout", "-fingerprint", `-${digest}`]).trim().split("=")[1];
    expect(fingerprint("sha256")).toBe(colonHex(issued.fingerprintSha256));
    expect(fingerprint("sm3")).toBe(colonHex(issued.fingerprintSm3));
    expect(opensslOk(["x509", "-in", fx.file("issued.pem"), "-noout", "-serial"]).trim()).toBe(`serial=${issued.serialHex.toUpperCase()}`);
    expect(issued.notBefore.toISOString()).toBe("2026-01-02T03:04:05.000Z");
    const out = opensslOk(["x509", "-in", fx.file("issued.pem"), "-noout", "-text", "-dates"]);
    expect(out).toContain("notBefore=Jan  2 03:04:05 2026 GMT");
    expect(out).toMatch(/Extended Key Usage:\s+TLS Web Client Authentication, 1\.3\.6\.1\.5\.5\.7\.3\.36, E-mail Protection\n/);
    expect(out).toContain("email:lisi@example.cn");
    expect(out).toContain("Policy: 1.2.156.112570.1.1.1");
    // Disclosed on request only, and then in the GM/T 0015 extension, never in the DN.
    expect(out).toMatch(new RegExp(`1\\.2\\.156\\.10260\\.4\\.1\\.1:\\s+\\.\\.${DEMO_ID_NUMBER}`));
  });
});

describe("the DER the builders write", () => {
  // signCertificate writes the DER itself; pkijs, given the parsed fields back, must write the very
  // same bytes (its encoder from the fields, not the kept TBS bytes), for every profile.
  const pkijsEncoding = (der: Uint8Array) => new Uint8Array(parseCertificate(der).toSchema(true).toBER(false));

  it("is byte for byte what pkijs writes for the same certificate: root, issuing CA, OCSP responder, unit and individual, signing and encryption", () => {
    for (const name of ["root.pem", "ca.pem", "ocsp.pem", "sign.pem", "enc.pem", "revoked.pem", "issued.pem"]) {
      const der = new Uint8Array(readFileSync(certToDer(fx.file(name))));
      expect(Buffer.from(pkijsEncoding(der)).toString("hex"), name).toBe(Buffer.from(der).toString("hex"));
    }
  });

  it("writes GeneralizedTime from 2050 on, UTCTime before, as pkijs does", async () => {
    const root = generateKeyPair();
    const issued = await buildRootCaCertificate(
      { subject: { commonName: "DER 测试根", organizationName: "CertDesk" }, validity: { notBefore: new Date("2049-12-31T23:59:59.999Z"), notAfter: new Date("2051-06-01T00:00:00Z") } },
      { signer: localSigner(root.privateKey) },
    );
    expect(Buffer.from(pkijsEncoding(issued.der)).toString("hex")).toBe(Buffer.from(issued.der).toString("hex"));
    writeFileSync(fx.file("root-2050.der"), issued.der);
    const dates = opensslOk(["x509", "-inform", "DER", "-in", fx.file("root-2050.der"), "-noout", "-dates"]);
    expect(dates).toContain("notBefore=Dec 31 23:59:59 2049 GMT");
    expect(dates).toContain("notAfter=Jun  1 00:00:00 2051 GMT");
    expect(asn1parse(fx.file("root-2050.der")).filter((n) => n.type === "UTCTIME" || n.type === "GENERALIZEDTIME").map((n) => n.type)).toEqual(["UTCTIME", "GENERALIZEDTIME"]);
    expect(await verifyCertificateSignature(issued.der, issued.der)).toBe(true);
  });
});

describe("our certificate verification", () => {
  it("accepts the demo chain", async () => {
    const result = await verifyChain({ leaf: pem("sign.pem"), intermediates: [pem("ca.pem")], roots: [pem("root.pem")] });
    expect(result.reasons).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.chain).toHaveLength(3);
    expect(await verifyCertificateSignature(pem("sign.pem"), pem("ca.pem"))).toBe(true);
  });

  it("rejects a tampered certificate", async () => {
    const der = readFileSync(certToDer(fx.file("sign.pem")));
    // One letter of the issuer name inside the TBS: the DER still parses, only the signature breaks.
    const index = der.indexOf(Buffer.from("CertDesk Demo SM2 Issuing CA", "utf8")) + 2;
    const tampered = Uint8Array.from(der);
    tampered[index] ^= 0x01;
    expect(await verifyCertificateSignature(tampered, pem("ca.pem"))).toBe(false);
    const chain = await verifyChain({ leaf: tampered, intermediates: [pem("ca.pem")], roots: [pem("root.pem")] });
    expect(chain.valid).toBe(false);
  });

  it("rejects the wrong issuer", async () => {
    expect(await verifyCertificateSignature(pem("sign.pem"), pem("root.pem"))).toBe(false);
    const otherRoot = await buildRootCaCertificate(
      { subject: { organizationName: "Other", commonName: "Other Root" }, validity: { notBefore: new Date(Date.now() - 1000), notAfter: new Date(Date.now() + 864e5) } },
      { signer: localSigner(generateKeyPair().privateKey) },
    );
    const result = await verifyChain({ leaf: pem("sign.pem"), intermediates: [pem("ca.pem")], roots: [otherRoot.der] });
    expect(result.valid).toBe(false);
    expect(result.reasons).toContain("untrusted_root");
  });

  it("rejects an expired certificate, also when OpenSSL is asked", async () => {
    // A certificate whose validity ended yesterday, issued by a throwaway CA we hold the key of.
    const rootKey = generateKeyPair();
    const signer = localSigner(rootKey.privateKey);
    const root = await buildRootCaCertificate(
      { subject: { organizationName: "Past", commonName: "Past Root" }, validity: { notBefore: new Date(Date.now() - 400 * 864e5), notAfter: new Date(Date.now() + 864e5) } },
      { signer },
    );
    const expired = await buildEndEntityCertificate(
      {
        subject: { type: "unit", organizationName: "过期单位", uscc: DEMO_USCC },
        usage: "signing",
        publicKey: generateKeyPair().publicKey,
        validity: { notBefore: new Date(Date.now() - 30 * 864e5), notAfter: new Date(Date.now() - 864e5) },
        urls: DEMO_URLS.issuing,
      },
      { certificate: root.der, signer },
    );
    const result = await verifyChain({ leaf: expired.der, roots: [root.der] });
    expect(result.valid).toBe(false);
    expect(result.reasons).toEqual(["expired"]);
    writeFileSync(fx.file("past-root.pem"), root.pem);
    writeFileSync(fx.file("expired.pem"), expired.pem);
    const ossl = openssl(["verify", "-vfyopt", `distid:${DIST_ID}`, "-CAfile", fx.file("past-root.pem"), fx.file("expired.pem")]);
    expect(ossl.stdout + ossl.stderr).toContain("certificate has expired");
  });

  it("checks validity at a given time", async () => {
    const later = new Date(Date.now() + 2 * 365 * 864e5);
    const result = await verifyChain({ leaf: pem("sign.pem"), intermediates: [pem("ca.pem")], roots: [pem("root.pem")], at: later });
    expect(result.reasons).toContain("expired");
  });

  it("refuses to issue with a CA certificate that is not the signer's", async () => {
    await expect(
      buildEndEntityCertificate(
        { subject: { type: "unit", organizationName: "x", uscc: DEMO_USCC }, usage: "signing", publicKey: generateKeyPair().publicKey, validity: { notBefore: new Date(), notAfter: new Date(Date.now() + 864e5) }, urls: {} },
        { certificate: pem("ca.pem"), signer: localSigner(generateKeyPair().privateKey) },
      ),
    ).rejects.toMatchObject({ code: "invalid_key" });
  });

  it("validates identity numbers before issuing", async () => {
    const base = { usage: "signing" as const, publicKey: generateKeyPair().publicKey, validity: { notBefore: new Date(), notAfter: new Date(Date.now() + 864e5) }, urls: {} };
    const issuer = { certificate: pem("ca.pem"), signer: localSigner(generateKeyPair().privateKey) };
    await expect(buildEndEntityCertificate({ ...base, subject: { type: "unit", organizationName: "x", uscc: "91330106MA2GL3QX1A" } }, issuer)).rejects.toBeInstanceOf(ZodError);
    await expect(buildEndEntityCertificate({ ...base, subject: { type: "individual", personName: "x", idNumber: "110105194912310021", subjectId: DEMO_SUBJECT_ID } }, issuer)).rejects.toBeInstanceOf(ZodError);
  });
});
