import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { OID } from "@/lib/pki/oids";

// Certificate extensions encoded directly with asn1js: each is a few bytes of DER, and writing
// them out keeps the encoding exact (DER omits defaults such as cA FALSE, key usage bit strings
// drop trailing zero bits) instead of trusting each pkijs class to get DER right.

function extension(extnID: string, critical: boolean, value: asn1js.AsnType): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

const uri = (value: string) => new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 6 }, valueHex: new TextEncoder().encode(value).buffer });

export function basicConstraintsExtension(opts: { isCa: boolean; pathLength?: number }): pkijs.Extension {
  const items: asn1js.AsnType[] = [];
  if (opts.isCa) items.push(new asn1js.Boolean({ value: true }));
  if (opts.isCa && opts.pathLength !== undefined) items.push(new asn1js.Integer({ value: opts.pathLength }));
  // Critical for CAs as RFC 5280 4.2.1.9 requires; end-entity certificates carry CA:FALSE non-critically.
  return extension(OID.basicConstraints, opts.isCa, new asn1js.Sequence({ value: items }));
}

export const KEY_USAGE_BITS = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  dataEncipherment: 3,
  keyAgreement: 4,
  keyCertSign: 5,
  cRLSign: 6,
  encipherOnly: 7,
  decipherOnly: 8,
} as const;

export type KeyUsage = keyof typeof KEY_USAGE_BITS;

/** KeyUsage as a DER named-bit BIT STRING: trailing zero bits removed, unused-bit count set. */
export function keyUsageExtension(usages: readonly KeyUsage[]): pkijs.Extension {
  const bits = usages.map((u) => KEY_USAGE_BITS[u]);
  const bitLength = Math.max(...bits) + 1;
  const bytes = new Uint8Array(Math.ceil(bitLength / 8));
  for (const bit of bits) bytes[bit >> 3] |= 0x80 >> (bit & 7);
  const unusedBits = bytes.length * 8 - bitLength;
  return extension(OID.keyUsage, true, new asn1js.BitString({ valueHex: bytes.buffer, unusedBits }));
}

export function extKeyUsageExtension(purposes: readonly string[]): pkijs.Extension {
  return extension(
    OID.extKeyUsage,
    false,
    new asn1js.Sequence({ value: purposes.map((oid) => new asn1js.ObjectIdentifier({ value: oid })) }),
  );
}

export function subjectKeyIdentifierExtension(keyId: Uint8Array): pkijs.Extension {
  return extension(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: keyId.slice().buffer }));
}

export function authorityKeyIdentifierExtension(keyId: Uint8Array): pkijs.Extension {
  const keyIdentifier = new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: keyId.slice().buffer });
  return extension(OID.authorityKeyIdentifier, false, new asn1js.Sequence({ value: [keyIdentifier] }));
}

/** One DistributionPoint with a fullName URI per URL; no reasons, no cRLIssuer (RFC 5280 4.2.1.13). */
export function crlDistributionPointsExtension(urls: readonly string[]): pkijs.Extension {
  const points = urls.map((url) => {
    const fullName = new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [uri(url)] });
    const distributionPoint = new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [fullName] });
    return new asn1js.Sequence({ value: [distributionPoint] });
  });
  return extension(OID.crlDistributionPoints, false, new asn1js.Sequence({ value: points }));
}

export function authorityInfoAccessExtension(opts: { ocsp?: readonly string[]; caIssuers?: readonly string[] }): pkijs.Extension {
  const access = (method: string, url: string) =>
    new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: method }), uri(url)] });
  const items = [
    ...(opts.ocsp ?? []).map((url) => access(OID.adOcsp, url)),
    ...(opts.caIssuers ?? []).map((url) => access(OID.adCaIssuers, url)),
  ];
  return extension(OID.authorityInfoAccess, false, new asn1js.Sequence({ value: items }));
}

export interface PolicyInput {
  oid: string;
  cpsUri?: string;
}

/** PolicyInformation per OID, with an id-qt-cps qualifier (IA5String URI) when a CPS is given (RFC 5280 4.2.1.4). */
export function certificatePoliciesExtension(policies: readonly PolicyInput[]): pkijs.Extension {
  const infos = policies.map(({ oid, cpsUri }) => {
    const value: asn1js.AsnType[] = [new asn1js.ObjectIdentifier({ value: oid })];
    if (cpsUri) {
      const qualifier = new asn1js.Sequence({
        value: [new asn1js.ObjectIdentifier({ value: OID.qtCps }), new asn1js.IA5String({ value: cpsUri })],
      });
      value.push(new asn1js.Sequence({ value: [qualifier] }));
    }
    return new asn1js.Sequence({ value });
  });
  return extension(OID.certificatePolicies, false, new asn1js.Sequence({ value: infos }));
}

/** subjectAltName with rfc822Name entries (needed next to the emailProtection purpose). */
export function emailSubjectAltNameExtension(emails: readonly string[]): pkijs.Extension {
  const names = emails.map(
    (email) => new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 1 }, valueHex: new TextEncoder().encode(email).buffer }),
  );
  return extension(OID.subjectAltName, false, new asn1js.Sequence({ value: names }));
}

/** id-pkix-ocsp-nocheck (RFC 6960 4.2.2.2.1): clients need not check a delegated responder's status. */
export function ocspNoCheckExtension(): pkijs.Extension {
  return extension(OID.ocspNoCheck, false, new asn1js.Null());
}

/**
 * GM/T 0015 企业工商注册号 (1.2.156.10260.4.1.3), which the 18-character 统一社会信用代码 replaced
 * (三证合一, GB 32100-2015): the code as a PrintableString, non-critical.
 */
export function businessRegistrationNumberExtension(uscc: string): pkijs.Extension {
  return extension(OID.gmBusinessRegistrationNumber, false, new asn1js.PrintableString({ value: uscc }));
}

/** GM/T 0015 企业组织机构代码 (1.2.156.10260.4.1.4): the 9-character GB 11714 code, PrintableString, non-critical. */
export function organizationCodeExtension(code: string): pkijs.Extension {
  return extension(OID.gmOrganizationCode, false, new asn1js.PrintableString({ value: code }));
}

/** GM/T 0015 IdentifyCode, residenterCardNumber choice: [0] IMPLICIT PrintableString. */
export function residentIdNumberExtension(idNumber: string): pkijs.Extension {
  const value = new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: new TextEncoder().encode(idNumber).buffer });
  return extension(OID.gmIdentityCardNumber, false, value);
}
