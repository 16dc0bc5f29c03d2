import { ZIssuingCaInputSchema, type TIssuingCaInput } from "@/lib/pki/x509/ca.types";
import { caSubjectName } from "@/lib/pki/x509/ca-name";
import { basicConstraintsExtension, certificatePoliciesExtension, keyUsageExtension } from "@/lib/pki/x509/extensions";
import type { IssuedCertificate } from "@/lib/pki/x509/issued-certificate";
import { revocationPointerExtensions } from "@/lib/pki/x509/revocation-pointer-extensions";
import { signCertificate, type CertificateIssuer } from "@/lib/pki/x509/sign-certificate";

/** Subordinate CA signed by the root: CA, pathLen 0 by default, keyCertSign + cRLSign. */
export async function buildIssuingCaCertificate(input: TIssuingCaInput, issuer: CertificateIssuer): Promise<IssuedCertificate> {
  const parsed = ZIssuingCaInputSchema.parse(input);
  return signCertificate(
    {
      serialHex: parsed.serialHex,
      subject: caSubjectName(parsed.subject),
      subjectPublicKey: parsed.publicKey,
      notBefore: parsed.validity.notBefore,
      notAfter: parsed.validity.notAfter,
      extensions: [
        basicConstraintsExtension({ isCa: true, pathLength: parsed.pathLength }),
        keyUsageExtension(["keyCertSign", "cRLSign"]),
        ...revocationPointerExtensions(parsed.urls),
        ...(parsed.policies.length > 0 ? [certificatePoliciesExtension(parsed.policies)] : []),
      ],
    },
    issuer.signer,
    issuer.certificate,
  );
}
