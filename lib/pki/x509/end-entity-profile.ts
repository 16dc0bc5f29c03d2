// End-entity certificate profiles of CertDesk: the dual-certificate model of Chinese CAs, where a
// subject holds a SIGNING certificate (digitalSignature + nonRepudiation) and an ENCRYPTION
// certificate (keyEncipherment + dataEncipherment + keyAgreement) on two different keys.
//
// Where identity numbers go, and why (docs/certificate-profile.md has every field)
// - Unit (organisation): DN = C=CN, O=<name>, CN=<name>, serialNumber=<统一社会信用代码>. The code
//   is public by law (printed on the business licence, published in the national enterprise
//   credit system), trading platforms bind bidders by it, and serialNumber (2.5.4.5) is where both
//   generic tools and Chinese platform middleware look. GM/T 0015's identity extensions carry it
//   too, each with what the standard defines for it: 1.2.156.10260.4.1.3 (企业工商注册号, which the
//   unified code replaced in 三证合一) the 18 characters, 1.2.156.10260.4.1.4 (企业组织机构代码)
//   the 9-character organisation code inside it (characters 9-17).
// - Individual: DN = C=CN, CN=<name>, serialNumber=<the person's subject identifier>. A 公民身份号码
//   is sensitive personal information (PIPL art. 28) and a signing certificate reaches everyone
//   who receives a signed bid, so neither the number nor anything computable from it alone goes in:
//   an unsalted hash was recovered in under a second from district and birth year (about 10^5
//   guesses). The identifier is random, made by the desk once per person and kept for them
//   (lib/server/certs/person-subject-id.ts), so it is the same across renewals and changes and keeps
//   DNs unique; a platform that already holds the number asks the desk for it
//   (POST /api/v1/subjects/match). This code only places the value it is given.
//   When a relying party requires the full number and the person has consented
//   (discloseIdNumber), it goes only into the GM/T 0015 IdentifyCode extension 1.2.156.10260.4.1.1
//   ([0] residenterCardNumber), never into the DN.
// Extensions follow RFC 5280: SKI/AKI (added by signCertificate), CRL DP and AIA from the
// caller's URLs, optional certificatePolicies, CA:FALSE.
import type * as pkijs from "pkijs";
import type { z } from "zod";
import { OID } from "@/lib/pki/oids";
import { buildName } from "@/lib/pki/x509/name";
import { organizationCodeOfUscc } from "@/lib/pki/x509/identity-numbers";
import type { ZEndEntityInputSchema, ZEndEntitySubjectSchema } from "@/lib/pki/x509/end-entity.types";
import {
  basicConstraintsExtension,
  certificatePoliciesExtension,
  emailSubjectAltNameExtension,
  extKeyUsageExtension,
  keyUsageExtension,
  businessRegistrationNumberExtension,
  organizationCodeExtension,
  residentIdNumberExtension,
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
    { type: OID.serialNumber, value: subject.subjectId },
  ]);
}

function identityExtensions(subject: EndEntitySubject): pkijs.Extension[] {
  if (subject.type === "unit") {
    return [businessRegistrationNumberExtension(subject.uscc), organizationCodeExtension(organizationCodeOfUscc(subject.uscc))];
  }
  return subject.discloseIdNumber ? [residentIdNumberExtension(subject.idNumber)] : [];
}

/**
 * Extended key usages. A signing certificate logs in to platforms (clientAuth), signs CMS documents
 * and PDFs (id-kp-documentSigning, RFC 9336) and signed mail (emailProtection, RFC 8550): without
 * the last two a strict validator that checks EKU refuses a document signature. The encryption
 * certificate carries no EKU (GM/T 0015 defines none for it; keyUsage says what the key does) except
 * emailProtection when it names an address, S/MIME being the one EKU-governed use of an encryption key.
 */
function extendedKeyUsages(input: EndEntityInput): string[] {
  if (input.usage === "signing") return [OID.kpClientAuth, OID.kpDocumentSigning, OID.kpEmailProtection];
  return input.subject.email !== undefined ? [OID.kpEmailProtection] : [];
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
