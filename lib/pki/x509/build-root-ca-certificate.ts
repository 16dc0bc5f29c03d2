import type { Sm2Signer } from "@/lib/pki/signer";
import { ZRootCaInputSchema, type TRootCaInput } from "@/lib/pki/x509/ca.types";
import { caSubjectName } from "@/lib/pki/x509/ca-name";
import { basicConstraintsExtension, keyUsageExtension } from "@/lib/pki/x509/extensions";
import type { IssuedCertificate } from "@/lib/pki/x509/issued-certificate";
import { signCertificate } from "@/lib/pki/x509/sign-certificate";

/**
 * Self-signed root: CA without a path length limit, so it can later certify new issuing CAs
 * (pathLen 0 sits on those). No CRL DP or AIA: a trust anchor is never revoked through itself.
 */
export async function buildRootCaCertificate(input: TRootCaInput, issuer: { signer: Sm2Signer }): Promise<IssuedCertificate> {
  const parsed = ZRootCaInputSchema.parse(input);
  return signCertificate(
    {
      serialHex: parsed.serialHex,
      subject: caSubjectName(parsed.subject),
      subjectPublicKey: issuer.signer.publicKey,
      notBefore: parsed.validity.notBefore,
      notAfter: parsed.validity.notAfter,
      extensions: [basicConstraintsExtension({ isCa: true }), keyUsageExtension(["keyCertSign", "cRLSign"])],
    },
    issuer.signer,
  );
}
