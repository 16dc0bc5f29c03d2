import { OID } from "@/lib/pki/oids";
import { ZOcspResponderInputSchema, type TOcspResponderInput } from "@/lib/pki/x509/ca.types";
import { caSubjectName } from "@/lib/pki/x509/ca-name";
import {
  basicConstraintsExtension,
  extKeyUsageExtension,
  keyUsageExtension,
  ocspNoCheckExtension,
} from "@/lib/pki/x509/extensions";
import type { IssuedCertificate } from "@/lib/pki/x509/issued-certificate";
import { signCertificate, type CertificateIssuer } from "@/lib/pki/x509/sign-certificate";

/**
 * Delegated OCSP responder (RFC 6960 4.2.2.2), signed by the CA whose certificates it answers
 * for. The CA key then signs only certificates and CRLs, and the responder key, which must be
 * online, can be short-lived. ocsp-nocheck because a responder cannot vouch for itself; since
 * nobody can then revoke it, its validity is short (CA_PROFILE.ocspResponder: 30 days, rotated
 * automatically) and its keyUsage digitalSignature alone.
 */
export async function buildOcspResponderCertificate(
  input: TOcspResponderInput,
  issuer: CertificateIssuer,
): Promise<IssuedCertificate> {
  const parsed = ZOcspResponderInputSchema.parse(input);
  return signCertificate(
    {
      serialHex: parsed.serialHex,
      subject: caSubjectName(parsed.subject),
      subjectPublicKey: parsed.publicKey,
      notBefore: parsed.validity.notBefore,
      notAfter: parsed.validity.notAfter,
      extensions: [
        basicConstraintsExtension({ isCa: false }),
        // It signs OCSP answers only: nonRepudiation (content commitment) would claim more (RFC 6960 4.2.2.2).
        keyUsageExtension(["digitalSignature"]),
        extKeyUsageExtension([OID.kpOcspSigning]),
        ocspNoCheckExtension(),
      ],
    },
    issuer.signer,
    issuer.certificate,
  );
}
