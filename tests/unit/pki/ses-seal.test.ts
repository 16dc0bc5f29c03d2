// The seal structure (GB/T 38540-2020 SESeal shape) checked by OpenSSL: asn1parse reads its fields, and
// pkeyutl verifies signedValue over the eSealInfo bytes with the CA's public key and the GM/T default ID.
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { derFromPemOrDer } from "@/lib/pki/pem-blocks";
import { buildSesSeal, encodeSesSealInfo, parseSesSeal, verifySesSeal, type SesSealInfo } from "@/lib/pki/ses-seal";
import { generateKeyPair } from "@/lib/pki/sm2";
import { localSigner } from "@/lib/pki/signer";
import { writeDemoCa, type DemoFixture } from "./demo-fixture";
import { asn1parse, isVerifiedByPkeyutl, opensslOk, strparse } from "./openssl-helpers";

let fx: DemoFixture;
let caCert: Uint8Array;
let signCert: Uint8Array;
let info: SesSealInfo;
let der: Uint8Array;
// A 1×1 PNG: the structure carries the picture's bytes whatever they show.
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5f6a0b70000000049454e44ae426082", "hex");

beforeAll(async () => {
  fx = await writeDemoCa();
  caCert = derFromPemOrDer(readFileSync(fx.file("ca.pem"), "utf8"), "CERTIFICATE");
  signCert = derFromPemOrDer(readFileSync(fx.file("sign.pem"), "utf8"), "CERTIFICATE");
  info = {
    vid: "CertDesk",
    esId: "ES20261202ABCDEF0123",
    type: 1,
    name: "示例建设有限公司 公章",
    certs: [signCert],
    createDate: new Date("2026-12-02T04:00:00Z"),
    validStart: new Date("2026-12-02T04:00:00Z"),
    validEnd: new Date("2027-12-02T04:00:00Z"),
    picture: { type: "PNG", data: new Uint8Array(PNG), widthMm: 42, heightMm: 42 },
  };
  der = await buildSesSeal({ info, makerCertDer: caCert, signer: fx.demo.signers.ca });
  writeFileSync(fx.file("seal.der"), der);
});
afterAll(() => fx.cleanup());

describe("SES_Seal", () => {
  it("round-trips: every field parsed back as built, the signed bytes are the DER of eSealInfo", () => {
    const parsed = parseSesSeal(der);
    expect(parsed.info).toEqual(info);
    expect(Buffer.from(parsed.sealInfoDer).equals(Buffer.from(encodeSesSealInfo(info)))).toBe(true);
    expect(Buffer.from(parsed.makerCertDer).equals(Buffer.from(caCert))).toBe(true);
    expect(parsed.signAlgId).toBe("1.2.156.10197.1.501");
    expect(verifySesSeal(der, { makerPublicKey: fx.demo.signers.ca.publicKey, at: new Date("2027-01-01T00:00:00Z") }).ok).toBe(true);
  });

  it("OpenSSL reads the shape: header ES/4, esID, name, the bound certificate, GeneralizedTime validity, PNG picture, SM2-with-SM3", () => {
    const out = opensslOk(["asn1parse", "-inform", "DER", "-in", fx.file("seal.der"), "-i"]);
    expect(out).toMatch(/IA5STRING\s+:ES\n/);
    expect(out).toMatch(/INTEGER\s+:04\n/);
    expect(out).toMatch(/IA5STRING\s+:ES20261202ABCDEF0123/);
    expect(out).toMatch(/GENERALIZEDTIME\s+:20271202040000Z/);
    expect(out).toMatch(/IA5STRING\s+:PNG/);
    expect(out).toMatch(/OBJECT\s+:SM2-with-SM3/);
    // The certList's OCTET STRING holds the signing certificate: OpenSSL parses it as one.
    const nodes = asn1parse(fx.file("seal.der"));
    const certOctets = nodes.filter((n) => n.depth === 4 && n.type === "OCTET STRING");
    expect(certOctets).toHaveLength(1);
    strparse(fx.file("seal.der"), certOctets[0]!.offset, fx.file("bound.der"));
    expect(opensslOk(["x509", "-inform", "DER", "-in", fx.file("bound.der"), "-noout", "-subject"])).toEqual(opensslOk(["x509", "-in", fx.file("sign.pem"), "-noout", "-subject"]));
  });

  it("OpenSSL verifies signedValue over the eSealInfo bytes with the CA public key (pkeyutl, SM3, GM/T ID)", () => {
    const { tbs, sig } = sealParts("seal.der");
    expect(isVerifiedByPkeyutl(fx.file("ca.pub.pem"), tbs, sig)).toBe(true);
    // The root's key is not the maker's.
    expect(isVerifiedByPkeyutl(fx.file("root.pub.pem"), tbs, sig)).toBe(false);
  });

  it("detects tampering: a changed name, picture byte or validity fails both our check and OpenSSL's", async () => {
    for (const [label, from, to] of [
      ["name", Buffer.from("公章"), Buffer.from("合同")],
      ["validity", Buffer.from("20271202040000Z"), Buffer.from("20371202040000Z")],
    ] as const) {
      const tampered = Buffer.from(der);
      const at = tampered.indexOf(from);
      expect(at, label).toBeGreaterThan(0);
      to.copy(tampered, at);
      writeFileSync(fx.file(`tampered-${label}.der`), tampered);
      expect(verifySesSeal(tampered, { makerPublicKey: fx.demo.signers.ca.publicKey }), label).toMatchObject({ ok: false, reason: "bad_signature" });
      const { tbs, sig } = sealParts(`tampered-${label}.der`);
      expect(isVerifiedByPkeyutl(fx.file("ca.pub.pem"), tbs, sig), label).toBe(false);
    }
    const picture = Buffer.from(der);
    picture[picture.indexOf(Buffer.from("IDAT")) + 6] ^= 0x01;
    expect(verifySesSeal(picture, { makerPublicKey: fx.demo.signers.ca.publicKey })).toMatchObject({ ok: false, reason: "bad_signature" });
  });

  it("refuses a seal made by another key, one outside its validity, trailing bytes and a maker certificate that is not the signer's", async () => {
    const other = generateKeyPair();
    expect(verifySesSeal(der, { makerPublicKey: other.publicKey })).toMatchObject({ ok: false, reason: "wrong_maker" });
    expect(verifySesSeal(der, { makerPublicKey: fx.demo.signers.ca.publicKey, at: new Date("2028-01-01T00:00:00Z") })).toMatchObject({ ok: false, reason: "expired" });
    expect(verifySesSeal(der, { makerPublicKey: fx.demo.signers.ca.publicKey, at: new Date("2026-01-01T00:00:00Z") })).toMatchObject({ ok: false, reason: "not_yet_valid" });
    expect(verifySesSeal(Buffer.concat([der, Buffer.from([0])]), { makerPublicKey: fx.demo.signers.ca.publicKey })).toMatchObject({ ok: false, reason: "malformed" });
    await expect(buildSesSeal({ info, makerCertDer: caCert, signer: localSigner(other.privateKey) })).rejects.toThrow(/not the signer's/);
  });
});

/** The eSealInfo bytes (depth-1 SEQUENCE) and the signedValue BIT STRING of an SESeal file, via OpenSSL. */
function sealParts(name: string): { tbs: string; sig: string } {
  const top = asn1parse(fx.file(name)).filter((n) => n.depth === 1);
  const info = top[0]!;
  const sig = top.find((n) => n.type === "BIT STRING")!;
  return { tbs: strparse(fx.file(name), info.offset, fx.file(`${name}.tbs`)), sig: strparse(fx.file(name), sig.offset, fx.file(`${name}.sig`)) };
}
