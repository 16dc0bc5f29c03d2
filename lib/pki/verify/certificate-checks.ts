import * as asn1js from "asn1js";
import type * as pkijs from "pkijs";
import { OID } from "@/lib/pki/oids";
import { KEY_USAGE_BITS, type KeyUsage } from "@/lib/pki/x509/extensions";
import { findExtension } from "@/lib/pki/x509/certificate-input";
import { nameToString } from "@/lib/pki/x509/name";
import type { VerificationProblem } from "@/lib/pki/verify/verification-reasons";
import { readBer } from "@/lib/pki/asn1/parse-der";

// Per-certificate checks of RFC 5280 path validation (6.1.3, 6.1.4) that need no other certificate.

/** Extensions this code understands; any other one marked critical makes the certificate unusable. */
const UNDERSTOOD_EXTENSIONS: readonly string[] = [
  OID.basicConstraints, OID.keyUsage, OID.extKeyUsage, OID.subjectKeyIdentifier, OID.authorityKeyIdentifier,
  OID.crlDistributionPoints, OID.authorityInfoAccess, OID.certificatePolicies, OID.subjectAltName,
  OID.ocspNoCheck, OID.gmIdentityCardNumber, OID.gmBusinessRegistrationNumber, OID.gmOrganizationCode,
];

export function readBasicConstraints(cert: pkijs.Certificate): { isCa: boolean; pathLength?: number } | undefined {
  const extension = findExtension(cert, OID.basicConstraints);
  if (!extension) return undefined;
  const parsed = readBer(extension.extnValue.valueBlock.valueHexView).result;
  if (!(parsed instanceof asn1js.Sequence)) return { isCa: false };
  let isCa = false;
  let pathLength: number | undefined;
  for (const item of parsed.valueBlock.value) {
    if (item instanceof asn1js.Boolean) isCa = item.valueBlock.value;
    if (item instanceof asn1js.Integer) pathLength = item.valueBlock.valueDec;
  }
  return { isCa, pathLength };
}

/** The key usages asserted, or undefined when the certificate has no keyUsage extension. */
export function readKeyUsage(cert: pkijs.Certificate): Set<KeyUsage> | undefined {
  const extension = findExtension(cert, OID.keyUsage);
  if (!extension) return undefined;
  const parsed = readBer(extension.extnValue.valueBlock.valueHexView).result;
  const usages = new Set<KeyUsage>();
  if (!(parsed instanceof asn1js.BitString)) return usages;
  const bytes = parsed.valueBlock.valueHexView;
  for (const [name, bit] of Object.entries(KEY_USAGE_BITS) as [KeyUsage, number][]) {
    if ((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) usages.add(name);
  }
  return usages;
}

export function readExtendedKeyUsage(cert: pkijs.Certificate): string[] | undefined {
  const extension = findExtension(cert, OID.extKeyUsage);
  if (!extension) return undefined;
  const parsed = readBer(extension.extnValue.valueBlock.valueHexView).result;
  if (!(parsed instanceof asn1js.Sequence)) return [];
  return parsed.valueBlock.value.filter((v) => v instanceof asn1js.ObjectIdentifier).map((v) => v.valueBlock.toString());
}

export function checkValidityPeriod(cert: pkijs.Certificate, at: Date): VerificationProblem[] {
  const subject = nameToString(cert.subject);
  if (at < cert.notBefore.value) return [{ reason: "not_yet_valid", detail: `valid from ${cert.notBefore.value.toISOString()}`, subject }];
  if (at > cert.notAfter.value) return [{ reason: "expired", detail: `expired ${cert.notAfter.value.toISOString()}`, subject }];
  return [];
}

export function checkCriticalExtensions(cert: pkijs.Certificate): VerificationProblem[] {
  return (cert.extensions ?? [])
    .filter((e) => e.critical && !UNDERSTOOD_EXTENSIONS.includes(e.extnID))
    .map((e) => ({ reason: "unknown_critical_extension" as const, detail: e.extnID, subject: nameToString(cert.subject) }));
}

/** CA checks for a certificate that signed `caCertsBelow` further CA certificates in the path. */
export function checkIssuerCapabilities(cert: pkijs.Certificate, caCertsBelow: number): VerificationProblem[] {
  const subject = nameToString(cert.subject);
  const problems: VerificationProblem[] = [];
  const constraints = readBasicConstraints(cert);
  if (!constraints?.isCa) problems.push({ reason: "not_a_ca", detail: "basicConstraints does not assert cA", subject });
  if (constraints?.pathLength !== undefined && caCertsBelow > constraints.pathLength) {
    problems.push({ reason: "path_length_exceeded", detail: `pathLen ${constraints.pathLength}, ${caCertsBelow} CA certificates below`, subject });
  }
  const usages = readKeyUsage(cert);
  if (usages && !usages.has("keyCertSign")) problems.push({ reason: "key_usage_missing", detail: "keyCertSign not asserted", subject });
  return problems;
}
