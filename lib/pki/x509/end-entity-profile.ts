// End-entity certificate profiles of CertDesk: the dual-certificate model of Chinese CAs, where a
// subject holds a SIGNING certificate (digitalSignature + nonRepudiation) and an ENCRYPTION
// certificate (keyEncipherment + dataEncipherment + keyAgreement) on two different keys.
//
// Where identity numbers go, and why
// - Unit (organisation): DN = C=CN, O=<name>, CN=<name>, serialNumber=<统一社会信用代码>, and the
//   same code in the GM/T 0015 extension 1.2.156.10260.4.1.4 (non-critical, PrintableString).
//   The code is public by law (printed on the business licence, published in the national
//   enterprise credit system), trading platforms bind bidders by it, and serialNumber (2.5.4.5)
//   is where both generic tools and Chinese platform middleware look. 4.1.4 is GM/T 0015's
//   organisation-code slot, which the 18-character unified code superseded.
// - Individual: DN = C=CN, CN=<name>, serialNumber=<upper-case hex SM3 of the ID number>.
//   A 公民身份号码 is sensitive personal information (PIPL art. 28), and a signing certificate is
//   handed to everyone who receives a signed bid, so the full number does not go in by default.
//   The hash (a) keeps the DN unique per person, so two people with the same name never share a
//   DN, (b) lets a platform that already holds the person's number check the binding offline by
//   hashing it, and (c) does not print the number. It is not anonymity: ID numbers have about
//   10^11 plausible values (region x birth date x sequence), so a determined attacker can
//   brute-force one hash in hours. A masked number ("110***...123X") was rejected: it shows 7
//   characters to everyone, does not keep DNs unique, and '*' is not a PrintableString
//   character (X.520 requires PrintableString for serialNumber).
//   When a relying party requires the full number and the person has consented
//   (discloseIdNumber), it goes only into the GM/T 0015 IdentifyCode extension 1.2.156.10260.4.1.1
//   ([0] residenterCardNumber), never into the DN.
// Extensions follow RFC 5280: SKI/AKI (added by signCertificate), CRL DP and AIA from the
// caller's URLs, optional certificatePolicies, CA:FALSE.
import type * as pkijs from "pkijs";
import type { z } from "zod";
import { OID } from "@/lib/pki/oids";
import { buildName } from "@/lib/pki/x509/name";
import { residentIdDigestHex } from "@/lib/pki/x509/identity-numbers";
import type { ZEndEntityInputSchema, ZEndEntitySubjectSchema } from "@/lib/pki/x509/end-entity.types";
import {
  basicConstraintsExtension,
  certificatePoliciesExtension,
  emailSubjectAltNameExtension,
  extKeyUsageExtension,
  keyUsageExtension,
  residentIdNumberExtension,
  unifiedSocialCreditCodeExtension,
  type KeyUsage,
} from "@/lib/pki/x509/extensions";
import { revocationPointerExtensions } from "@/lib/pki/x509/revocation-pointer-extensions";

type EndEntitySubject = z.output<typeof ZEndEntitySubjectSchema>;
type EndEntityInput = z.output<typeof ZEndEntityInputSchema>;

export const END_ENTITY_KEY_USAGES = {
  signing: ["digitalSignature", "nonRepudiation"],
  encryption: ["keyEncipherment", "dataEncipherment", "keyAgreement"],
} as const satisfies Record<EndEntityInput["usage"], readonly KeyUsage[]>;

export function endEntitySubjectName(subject: EndEntitySubject): pkijs.RelativeDistinguishedNames {
  if (subject.type === "unit") {
    return buildName([
      { type: OID.countryName, value: "CN" },
      { type: OID.organizationName, value: subject.organizationName },
      { type: OID.commonName, value: subject.organizationName },
      { type: OID.serialNumber, value: subject.uscc },
    ]);
  }
  return buildName([
    { type: OID.countryName, value: "CN" },
    { type: OID.commonName, value: subject.personName },
    { type: OID.serialNumber, value: residentIdDigestHex(subject.idNumber) },
  ]);
}

function identityExtensions(subject: EndEntitySubject): pkijs.Extension[] {
  if (subject.type === "unit") return [unifiedSocialCreditCodeExtension(subject.uscc)];
  return subject.discloseIdNumber ? [residentIdNumberExtension(subject.idNumber)] : [];
}

/**
 * Extended key usages: signing certificates log in to platforms (clientAuth) and sign mail when
 * they name an address; encryption certificates get emailProtection only with an address, since
 * S/MIME is the one EKU-governed use of an encryption key.
 */
function extendedKeyUsages(input: EndEntityInput): string[] {
  const hasEmail = input.subject.email !== undefined;
  if (input.usage === "signing") return [OID.kpClientAuth, ...(hasEmail ? [OID.kpEmailProtection] : [])];
  return hasEmail ? [OID.kpEmailProtection] : [];
}

export function endEntityExtensions(input: EndEntityInput): pkijs.Extension[] {
  const ekus = extendedKeyUsages(input);
  return [
    basicConstraintsExtension({ isCa: false }),
    keyUsageExtension(END_ENTITY_KEY_USAGES[input.usage]),
    ...(ekus.length > 0 ? [extKeyUsageExtension(ekus)] : []),
    ...(input.subject.email ? [emailSubjectAltNameExtension([input.subject.email])] : []),
    ...revocationPointerExtensions(input.urls),
    ...(input.policies.length > 0 ? [certificatePoliciesExtension(input.policies)] : []),
    ...identityExtensions(input.subject),
  ];
}
