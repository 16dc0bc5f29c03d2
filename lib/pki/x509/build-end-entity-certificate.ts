import { ZEndEntityInputSchema, type TEndEntityInput } from "@/lib/pki/x509/end-entity.types";
import { endEntityExtensions, endEntitySubjectName } from "@/lib/pki/x509/end-entity-profile";
import type { IssuedCertificate } from "@/lib/pki/x509/issued-certificate";
import { signCertificate, type CertificateIssuer } from "@/lib/pki/x509/sign-certificate";

/** A unit's or an individual's signing or encryption certificate (see end-entity-profile.ts). */
export async function buildEndEntityCertificate(input: TEndEntityInput, issuer: CertificateIssuer): Promise<IssuedCertificate> {
  const parsed = ZEndEntityInputSchema.parse(input);
  return signCertificate(
    {
      serialHex: parsed.serialHex,
      subject: endEntitySubjectName(parsed.subject),
      subjectPublicKey: parsed.publicKey,
      notBefore: parsed.validity.notBefore,
      notAfter: parsed.validity.notAfter,
      extensions: endEntityExtensions(parsed),
    },
    issuer.signer,
    issuer.certificate,
  );
}
