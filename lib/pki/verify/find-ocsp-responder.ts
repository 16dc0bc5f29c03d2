import * as pkijs from "pkijs";
import { sha1 } from "@noble/hashes/legacy.js";
import { OID } from "@/lib/pki/oids";
import { bytesToHex, equalBytes } from "@/lib/pki/encoding";
import { certificatePublicKey } from "@/lib/pki/x509/certificate-input";
import type { ParsedOcspResponse } from "@/lib/pki/ocsp/parse-ocsp-response";
import { checkValidityPeriod, readExtendedKeyUsage } from "@/lib/pki/verify/certificate-checks";
import { verifyCertificateSignature } from "@/lib/pki/verify/verify-certificate-signature";

function matchesResponderId(cert: pkijs.Certificate, response: ParsedOcspResponse): boolean {
  if (response.responderKeyHashHex) return bytesToHex(sha1(certificatePublicKey(cert))) === response.responderKeyHashHex;
  const name = response.basic?.tbsResponseData.responderID;
  return name instanceof pkijs.RelativeDistinguishedNames && cert.subject.isEqual(name);
}

/**
 * The certificate whose key may sign OCSP answers about `issuer`'s certificates (RFC 6960 4.2.2.2):
 * the issuer itself, or a certificate the issuer signed for id-kp-OCSPSigning, valid at `at`.
 * Returns undefined when the response's responder is neither.
 */
export async function findAuthorisedResponder(
  response: ParsedOcspResponse,
  issuer: pkijs.Certificate,
  at: Date,
): Promise<pkijs.Certificate | undefined> {
  if (matchesResponderId(issuer, response)) return issuer;
  for (const candidate of response.certificates.filter((c) => matchesResponderId(c, response))) {
    if (equalBytes(certificatePublicKey(candidate), certificatePublicKey(issuer))) return issuer;
    const isDelegated =
      candidate.issuer.isEqual(issuer.subject) &&
      (readExtendedKeyUsage(candidate) ?? []).includes(OID.kpOcspSigning) &&
      checkValidityPeriod(candidate, at).length === 0 &&
      (await verifyCertificateSignature(candidate, issuer));
    if (isDelegated) return candidate;
  }
  return undefined;
}
