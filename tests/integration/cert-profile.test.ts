// The certificate profile a strict relying party checks (issue 16): every kind of certificate the desk
// issues, made by the real functions (hierarchy, responder rotation, dual-certificate issuance), parsed
// with pkijs and checked field by field against RFC 5280, RFC 6960, RFC 9336 and GM/T 0015; a sample
// cross-checked with `openssl x509 -text`, and OCSP answers after the responder's rotation with
// `openssl ocsp` and pkeyutl. docs/certificate-profile.md states the same rules.
import { readFileSync } from "node:fs";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { sha1 } from "@noble/hashes/legacy.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bytesToHex } from "@/lib/pki/encoding";
import { OID } from "@/lib/pki/oids";
import { derToPem } from "@/lib/pki/pem";
import { sm3 } from "@/lib/pki/sm3";
import { setupPkijs } from "@/lib/pki/engine/setup-pkijs";
import { certificateToDer, parseCertificate } from "@/lib/pki/x509/certificate-input";
import { parseOcspResponse } from "@/lib/pki/ocsp/parse-ocsp-response";
import { db } from "@/lib/db/client";
import { CA_PROFILE } from "@/lib/server/ca/ca-profile";
import { ensureCaHierarchy, type CaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { respondOcsp } from "@/lib/server/ca/ocsp-respond";
import { pkiUrls } from "@/lib/server/ca/pki-urls";
import { issueCertificates } from "@/lib/server/certs/issue-certificates";
import { createUser } from "../support/factories";
import { uniqueIdNumber } from "../support/review-fixtures";
import { extractBasicOcspResponse, openssl, opensslOk, opensslVerifiesSignature, publicKeyOf } from "../unit/pki/openssl-helpers";
import { phoneKeygen, scratchDir } from "./certs-support";
import { useOwnDatabase } from "./own-database";

// Its own database: the hierarchy is made on a clock 25 days back, and the responder rotation is counted.
await useOwnDatabase("cert_profile");

const DAY_MS = 24 * 3600 * 1000;
const USCC = "91330106MA2GL3QX1J";
const scratch = scratchDir();
afterAll(() => scratch.cleanup());

type Kind = "root" | "issuing" | "responder" | "personSign" | "personEncrypt" | "unitSign" | "unitEncrypt";
const certs = {} as Record<Kind, pkijs.Certificate>;
const issuerOf: Record<Kind, Kind> = {
  root: "root",
  issuing: "root",
  responder: "issuing",
  personSign: "issuing",
  personEncrypt: "issuing",
  unitSign: "issuing",
  unitEncrypt: "issuing",
};
let hierarchy: CaHierarchy;
let idNumber: string;
let rotated: pkijs.Certificate;
let oldResponderId: string;
let ocspFile: string;

beforeAll(async () => {
  // Made 25 days ago: the 30-day responder has 5 left, inside its 10-day renewal window.
  hierarchy = await ensureCaHierarchy({ now: new Date(Date.now() - 25 * DAY_MS) });
  oldResponderId = hierarchy.ocsp.id;
  certs.root = parseCertificate(hierarchy.root.certDer);
  certs.issuing = parseCertificate(hierarchy.issuing.certDer);
  certs.responder = parseCertificate(hierarchy.ocsp.certDer);

  // An OCSP request (OpenSSL's) now, before anything else runs ensureCaHierarchy (issuance would): the due
  // responder is rotated by this answer, before it is signed. It asks about the old responder certificate
  // itself, which the issuing CA answers for like any certificate it issued.
  const issuingPem = scratch.write("issuing.pem", derToPem(hierarchy.issuing.certDer, "CERTIFICATE"));
  const oldResponderPem = scratch.write("old-responder.pem", derToPem(hierarchy.ocsp.certDer, "CERTIFICATE"));
  const request = scratch.file("req.der");
  opensslOk(["ocsp", "-issuer", issuingPem, "-cert", oldResponderPem, "-reqout", request]);
  const answer = await respondOcsp({ request: { der: new Uint8Array(readFileSync(request)) } });
  ocspFile = scratch.write("resp.der", answer.der);
  rotated = parseOcspResponse(answer.der).certificates[0]!;

  const pair = async (subject: Parameters<typeof issueCertificates>[0]["subject"]) => {
    const user = await createUser();
    const a = await phoneKeygen(user.id);
    const b = await phoneKeygen(user.id);
    return issueCertificates({ userId: user.id, keyShares: { sign: a.keyShareId, encrypt: b.keyShareId }, subject, years: 1 });
  };
  idNumber = uniqueIdNumber();
  const person = await pair({ type: "INDIVIDUAL", name: "赵六", idNumber });
  const unit = await pair({ type: "UNIT", orgName: "示例建设工程有限公司", uscc: USCC });
  certs.personSign = parseCertificate(person.sign.der);
  certs.personEncrypt = parseCertificate(person.encrypt.der);
  certs.unitSign = parseCertificate(unit.sign.der);
  certs.unitEncrypt = parseCertificate(unit.encrypt.der);
});

// ---- reading a certificate with pkijs / asn1js ----

const ext = (c: pkijs.Certificate, oid: string) => c.extensions?.find((e) => e.extnID === oid);
const extValue = (c: pkijs.Certificate, oid: string) => {
  const e = ext(c, oid);
  return e ? asn1js.fromBER(e.extnValue.valueBlock.valueHexView).result : undefined;
};
const keyUsages = (c: pkijs.Certificate): string[] => {
  const bits = extValue(c, OID.keyUsage) as asn1js.BitString;
  const bytes = bits.valueBlock.valueHexView;
  const names = ["digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"];
  return names.filter((_, bit) => ((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0);
};
const ekus = (c: pkijs.Certificate) =>
  ext(c, OID.extKeyUsage) ? (extValue(c, OID.extKeyUsage) as asn1js.Sequence).valueBlock.value.map((o) => (o as asn1js.ObjectIdentifier).valueBlock.toString()) : undefined;
const basicConstraints = (c: pkijs.Certificate) => {
  const seq = extValue(c, OID.basicConstraints) as asn1js.Sequence;
  const items = seq.valueBlock.value;
  const isCa = items[0] instanceof asn1js.Boolean ? items[0].valueBlock.value : false;
  const pathLen = items.find((i) => i instanceof asn1js.Integer) as asn1js.Integer | undefined;
  return { isCa, explicitFalse: items[0] instanceof asn1js.Boolean && !items[0].valueBlock.value, pathLen: pathLen?.valueBlock.valueDec };
};
const octets = (v: asn1js.AsnType | undefined) => bytesToHex(new Uint8Array((v as asn1js.OctetString).valueBlock.valueHexView));
const ski = (c: pkijs.Certificate) => octets(extValue(c, OID.subjectKeyIdentifier));
const aki = (c: pkijs.Certificate) => {
  const seq = extValue(c, OID.authorityKeyIdentifier) as asn1js.Sequence;
  const keyId = seq.valueBlock.value.find((v) => v.idBlock.tagClass === 3 && v.idBlock.tagNumber === 0) as asn1js.Primitive;
  return bytesToHex(new Uint8Array(keyId.valueBlock.valueHexView));
};
const policies = (c: pkijs.Certificate) =>
  ext(c, OID.certificatePolicies)
    ? (extValue(c, OID.certificatePolicies) as asn1js.Sequence).valueBlock.value.map((info) => {
        const [oid, qualifiers] = (info as asn1js.Sequence).valueBlock.value;
        const cps = (qualifiers as asn1js.Sequence | undefined)?.valueBlock.value.map((q) => {
          const [qid, value] = (q as asn1js.Sequence).valueBlock.value;
          return { qualifier: (qid as asn1js.ObjectIdentifier).valueBlock.toString(), isIa5: value instanceof asn1js.IA5String, uri: (value as asn1js.IA5String).valueBlock.value };
        });
        return { oid: (oid as asn1js.ObjectIdentifier).valueBlock.toString(), cps };
      })
    : undefined;
const nameAtvs = (name: pkijs.RelativeDistinguishedNames) =>
  name.typesAndValues.map((atv) => ({ type: atv.type, value: String((atv.value.valueBlock as { value?: unknown }).value), asn1: atv.value }));
const subjectAttr = (c: pkijs.Certificate, oid: string) => nameAtvs(c.subject).find((a) => a.type === oid)?.value;

const ALL: Kind[] = ["root", "issuing", "responder", "personSign", "personEncrypt", "unitSign", "unitEncrypt"];
const CA_KINDS: Kind[] = ["root", "issuing"];
const EE_KINDS: Kind[] = ["responder", "personSign", "personEncrypt", "unitSign", "unitEncrypt"];
const each = (kinds: Kind[]) => kinds.map((k) => [k] as const);

describe("RFC 5280 rules for every certificate the desk issues", () => {
  it.each(each(ALL))("%s: v3, SM2-with-SM3 (no parameters, same in TBS), signed by its issuer, issuer name = issuer's subject", async (kind) => {
    const c = certs[kind];
    const issuer = certs[issuerOf[kind]];
    expect(c.version).toBe(2);
    expect(c.signatureAlgorithm.algorithmId).toBe(OID.sm2WithSm3);
    expect(c.signature.algorithmId).toBe(OID.sm2WithSm3);
    expect(c.signatureAlgorithm.algorithmParams).toBeUndefined();
    expect(bytesToHex(new Uint8Array(c.issuer.toSchema().toBER(false)))).toBe(bytesToHex(new Uint8Array(issuer.subject.toSchema().toBER(false))));
    expect(await c.verify(kind === "root" ? undefined : issuer, setupPkijs())).toBe(true);
  });

  it("serials: positive, at most 20 octets, 16 CSPRNG octets (126 random bits, at least 64), all different", () => {
    const serials = ALL.map((k) => new Uint8Array(certs[k].serialNumber.valueBlock.valueHexView));
    for (const s of serials) {
      expect(s.length).toBeLessThanOrEqual(20);
      expect(s.length).toBe(16); // the generator's fixed width: top bit 0 (positive), next bit 1 (no leading zero octet)
      expect(s[0]! & 0xc0).toBe(0x40);
    }
    expect(new Set(serials.map(bytesToHex)).size).toBe(serials.length);
    // Bits beyond the fixed two vary between certificates: not a counter or a timestamp.
    const varying = new Set<number>();
    for (let bit = 2; bit < 128; bit++) {
      const values = new Set(serials.map((s) => (s[bit >> 3]! >> (7 - (bit & 7))) & 1));
      if (values.size === 2) varying.add(bit);
    }
    expect(varying.size).toBeGreaterThanOrEqual(64);
  });

  it.each(each(ALL))("%s: PrintableString for C and serialNumber, UTF8String for every other attribute (subject and issuer)", (kind) => {
    for (const name of [certs[kind].subject, certs[kind].issuer]) {
      for (const atv of nameAtvs(name)) {
        const printable = atv.type === OID.countryName || atv.type === OID.serialNumber;
        expect(atv.asn1, `${kind} ${atv.type}`).toBeInstanceOf(printable ? asn1js.PrintableString : asn1js.Utf8String);
      }
      expect(nameAtvs(name)[0]).toMatchObject({ type: OID.countryName, value: "CN" });
    }
  });

  it.each(each(ALL))("%s: validity inside the issuer's, UTCTime before 2050", (kind) => {
    const c = certs[kind];
    const issuer = certs[issuerOf[kind]];
    expect(c.notBefore.value.getTime()).toBeGreaterThanOrEqual(issuer.notBefore.value.getTime());
    expect(c.notAfter.value.getTime()).toBeLessThanOrEqual(issuer.notAfter.value.getTime());
    expect(c.notAfter.value > c.notBefore.value).toBe(true);
    for (const t of [c.notBefore, c.notAfter]) expect(t.type).toBe(t.value.getUTCFullYear() < 2050 ? 0 : 1);
  });

  it.each(each(ALL))("%s: no extension twice; SKI = SHA-1 of the key (method 1); AKI = the issuer's SKI", (kind) => {
    const c = certs[kind];
    const ids = (c.extensions ?? []).map((e) => e.extnID);
    expect(new Set(ids).size).toBe(ids.length);
    const key = new Uint8Array(c.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
    expect(ski(c)).toBe(bytesToHex(sha1(key)));
    expect(aki(c)).toBe(ski(certs[issuerOf[kind]]));
  });

  it.each(each(ALL))("%s: critical exactly where RFC 5280 wants it (keyUsage always, basicConstraints on CAs), nothing else", (kind) => {
    const c = certs[kind];
    const isCa = CA_KINDS.includes(kind);
    for (const e of c.extensions ?? []) {
      const critical = e.extnID === OID.keyUsage || (e.extnID === OID.basicConstraints && isCa);
      expect(Boolean(e.critical), `${kind} ${e.extnID}`).toBe(critical);
    }
  });

  it("CAs: cA TRUE, keyCertSign + cRLSign only; the root without a path length, the issuing CA pathLen 0", () => {
    for (const kind of CA_KINDS) {
      expect(basicConstraints(certs[kind]).isCa).toBe(true);
      expect(keyUsages(certs[kind])).toEqual(["keyCertSign", "cRLSign"]);
    }
    expect(basicConstraints(certs.root).pathLen).toBeUndefined();
    expect(basicConstraints(certs.issuing).pathLen).toBe(0);
  });

  it.each(each(EE_KINDS))("%s: end entity: cA absent (DER default FALSE), no keyCertSign / cRLSign, CRL DP + AIA except the responder", (kind) => {
    const c = certs[kind];
    const bc = basicConstraints(c);
    expect(bc.isCa).toBe(false);
    expect(bc.explicitFalse).toBe(false); // DER omits a DEFAULT value
    expect(bc.pathLen).toBeUndefined();
    expect(keyUsages(c)).not.toContain("keyCertSign");
    expect(keyUsages(c)).not.toContain("cRLSign");
    if (kind !== "responder") {
      expect(ext(c, OID.crlDistributionPoints)).toBeDefined();
      expect(ext(c, OID.authorityInfoAccess)).toBeDefined();
    }
  });
});

describe("CertDesk's rules (issue 16)", () => {
  it("signing certificates: digitalSignature + nonRepudiation; EKU clientAuth, id-kp-documentSigning (RFC 9336), emailProtection", () => {
    for (const kind of ["personSign", "unitSign"] as const) {
      expect(keyUsages(certs[kind])).toEqual(["digitalSignature", "nonRepudiation"]);
      expect(ekus(certs[kind])).toEqual([OID.kpClientAuth, OID.kpDocumentSigning, OID.kpEmailProtection]);
      expect(OID.kpDocumentSigning).toBe("1.3.6.1.5.5.7.3.36");
    }
  });

  it("encryption certificates: keyEncipherment + dataEncipherment + keyAgreement, no signing bits, no EKU", () => {
    for (const kind of ["personEncrypt", "unitEncrypt"] as const) {
      expect(keyUsages(certs[kind])).toEqual(["keyEncipherment", "dataEncipherment", "keyAgreement"]);
      expect(ekus(certs[kind])).toBeUndefined();
    }
  });

  it("certificatePolicies with an id-qt-cps IA5String URI to the desk's /cps: both policies on the issuing CA, the kind's policy on each end entity, none on the root", () => {
    const cps = pkiUrls().cps();
    const withCps = (oid: string) => ({ oid, cps: [{ qualifier: OID.qtCps, isIa5: true, uri: cps }] });
    expect(policies(certs.root)).toBeUndefined();
    expect(policies(certs.issuing)).toEqual([withCps(CA_PROFILE.policies.individual), withCps(CA_PROFILE.policies.unit)]);
    expect(policies(certs.personSign)).toEqual([withCps(CA_PROFILE.policies.individual)]);
    expect(policies(certs.personEncrypt)).toEqual([withCps(CA_PROFILE.policies.individual)]);
    expect(policies(certs.unitSign)).toEqual([withCps(CA_PROFILE.policies.unit)]);
    expect(policies(certs.unitEncrypt)).toEqual([withCps(CA_PROFILE.policies.unit)]);
  });

  it("a person's DN serialNumber is the random subject identifier: neither the ID number nor its SM3 anywhere in the certificate", () => {
    const sm3Hex = bytesToHex(sm3(new TextEncoder().encode(idNumber))).toUpperCase();
    for (const kind of ["personSign", "personEncrypt"] as const) {
      const serialNumber = subjectAttr(certs[kind], OID.serialNumber);
      expect(serialNumber).toMatch(/^[0-9A-F]{32}$/);
      expect(serialNumber).toBe(subjectAttr(certs.personSign, OID.serialNumber));
      const der = Buffer.from(certificateToDer(certs[kind]));
      expect(der.includes(Buffer.from(idNumber))).toBe(false);
      expect(der.includes(Buffer.from(sm3Hex))).toBe(false);
      expect(der.toString("hex")).not.toContain(sm3Hex.toLowerCase());
      expect(ext(certs[kind], OID.gmIdentityCardNumber)).toBeUndefined(); // only with discloseIdNumber
    }
  });

  it("the enterprise: USCC in the DN serialNumber and in GM/T 0015 4.1.3 (工商注册号), its 9-character 组织机构代码 in 4.1.4; PrintableString, non-critical", () => {
    for (const kind of ["unitSign", "unitEncrypt"] as const) {
      const c = certs[kind];
      expect(subjectAttr(c, OID.serialNumber)).toBe(USCC);
      const registration = extValue(c, OID.gmBusinessRegistrationNumber);
      const orgCode = extValue(c, OID.gmOrganizationCode);
      expect(registration).toBeInstanceOf(asn1js.PrintableString);
      expect((registration as asn1js.PrintableString).valueBlock.value).toBe(USCC);
      expect(orgCode).toBeInstanceOf(asn1js.PrintableString);
      expect((orgCode as asn1js.PrintableString).valueBlock.value).toBe("MA2GL3QX1");
      expect(ext(c, OID.gmBusinessRegistrationNumber)!.critical).toBe(false);
      expect(ext(c, OID.gmOrganizationCode)!.critical).toBe(false);
    }
  });

  it("the OCSP responder: digitalSignature only, EKU OCSPSigning only, ocsp-nocheck (NULL), 30 days (+ the 5-minute backdate)", () => {
    for (const c of [certs.responder, rotated]) {
      expect(keyUsages(c)).toEqual(["digitalSignature"]);
      expect(ekus(c)).toEqual([OID.kpOcspSigning]);
      expect(extValue(c, OID.ocspNoCheck)).toBeInstanceOf(asn1js.Null);
      const days = (c.notAfter.value.getTime() - c.notBefore.value.getTime() - CA_PROFILE.backdateMs) / DAY_MS;
      expect(days).toBe(CA_PROFILE.ocspResponder.days);
      expect(days).toBe(30);
    }
  });
});

describe("the OCSP responder rotates before it expires, and answers still verify", () => {
  it("the first answer that found it due made a new responder (new key), one active row, signed by the issuing CA", async () => {
    expect(ski(rotated)).not.toBe(ski(certs.responder));
    expect(rotated.notAfter.value.getTime()).toBeGreaterThan(Date.now() + 29 * DAY_MS);
    const active = await db.certificateAuthority.findMany({ where: { kind: "OCSP", active: true } });
    expect(active).toHaveLength(1);
    expect(active[0]!.id).not.toBe(oldResponderId);
    expect(bytesToHex(new Uint8Array(active[0]!.certDer))).toBe(bytesToHex(certificateToDer(rotated)));
    expect((await db.certificateAuthority.findUniqueOrThrow({ where: { id: oldResponderId } })).active).toBe(false);
    // Asking again (and the maintenance job) does not rotate again.
    await ensureCaHierarchy();
    expect(await db.certificateAuthority.count({ where: { kind: "OCSP" } })).toBe(2);
    expect(await rotated.verify(certs.issuing, setupPkijs())).toBe(true);
  });

  it("openssl ocsp reads the answer (good, matched to its request); the new responder verifies for OCSP signing and its key made the signature", () => {
    const issuingPem = scratch.file("issuing.pem");
    const matched = openssl(["ocsp", "-reqin", scratch.file("req.der"), "-respin", ocspFile, "-issuer", issuingPem, "-cert", scratch.file("old-responder.pem"), "-noverify"]);
    expect(matched.stdout).toContain(`${scratch.file("old-responder.pem")}: good`);
    const responderPem = scratch.write("rotated.pem", derToPem(certificateToDer(rotated), "CERTIFICATE"));
    const verified = openssl(["verify", "-vfyopt", "distid:1234567812345678", "-partial_chain", "-CAfile", issuingPem, "-purpose", "ocsphelper", responderPem]);
    expect(verified.stdout).toContain(": OK");
    // OpenSSL 3.0 cannot pass the SM2 ID to the OCSP signature check itself (PKI-NOTES): pkeyutl with the ID does.
    expect(opensslVerifiesSignature(extractBasicOcspResponse(ocspFile), publicKeyOf(responderPem))).toBe(true);
    expect(opensslVerifiesSignature(extractBasicOcspResponse(ocspFile), publicKeyOf(scratch.file("old-responder.pem")))).toBe(false);
  });

  it("8 answers at once that find it due (a clock 25 days on) make one new responder, as instances would", async () => {
    const before = await db.certificateAuthority.count({ where: { kind: "OCSP" } });
    const later = new Date(Date.now() + 25 * DAY_MS);
    const request = new Uint8Array(readFileSync(scratch.file("req.der")));
    const answers = await Promise.all(Array.from({ length: 8 }, () => respondOcsp({ request: { der: request }, now: later })));
    const signers = new Set(answers.map((a) => ski(parseOcspResponse(a.der).certificates[0]!)));
    expect(await db.certificateAuthority.count({ where: { kind: "OCSP" } })).toBe(before + 1);
    expect(await db.certificateAuthority.count({ where: { kind: "OCSP", active: true } })).toBe(1);
    expect(signers.has(ski(rotated))).toBe(false); // every answer came after the rotation it waited for
    expect(signers.size).toBe(1);
  });

  it("cross-check with openssl x509 -text: what a relying party's tool shows", () => {
    const text = (kind: Kind, c = certs[kind]) => opensslOk(["x509", "-in", scratch.write(`${kind}-x.pem`, derToPem(certificateToDer(c), "CERTIFICATE")), "-noout", "-text"]);
    const personSign = text("personSign");
    expect(personSign).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Non Repudiation\n/);
    expect(personSign).toMatch(/X509v3 Extended Key Usage:\s+TLS Web Client Authentication, 1\.3\.6\.1\.5\.5\.7\.3\.36, E-mail Protection\n/);
    expect(personSign).toContain(`Policy: ${CA_PROFILE.policies.individual}`);
    expect(personSign).toContain(`CPS: ${pkiUrls().cps()}`);
    expect(personSign).toMatch(/X509v3 Basic Constraints:\s+CA:FALSE/);
    const responder = text("responder", rotated);
    expect(responder).toMatch(/X509v3 Key Usage: critical\s+Digital Signature\n/);
    expect(responder).toContain("OCSP No Check");
    const unit = text("unitSign");
    expect(unit).toContain(`serialNumber = ${USCC}`);
    expect(unit).toMatch(new RegExp(`1\\.2\\.156\\.10260\\.4\\.1\\.3:\\s+\\.\\.${USCC}\\n`));
    expect(unit).toMatch(/1\.2\.156\.10260\.4\.1\.4:\s+\.\.MA2GL3QX1\n/);
    const issuing = text("issuing");
    expect(issuing).toContain(`Policy: ${CA_PROFILE.policies.unit}`);
    expect(issuing).toMatch(/X509v3 Basic Constraints: critical\s+CA:TRUE, pathlen:0/);
  });
});
