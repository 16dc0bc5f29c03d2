import type * as pkijs from "pkijs";
import { setupPkijs } from "@/lib/pki/engine/setup-pkijs";
import { toCertificate, type CertificateInput } from "@/lib/pki/x509/certificate-input";

/**
 * True when `issuer`'s key signed `cert` and the signed and outer algorithm identifiers agree
 * (RFC 5280 4.1.1.2: a mismatch means the TBS was tampered with). Name chaining is verifyChain's job.
 */
export async function verifyCertificateSignature(cert: CertificateInput, issuer: CertificateInput): Promise<boolean> {
  const engine = setupPkijs();
  const subject: pkijs.Certificate = toCertificate(cert);
  const signer: pkijs.Certificate = toCertificate(issuer);
  if (!subject.signature.isEqual(subject.signatureAlgorithm)) return false;
  try {
    return await engine.verifyWithPublicKey(new Uint8Array(subject.tbsView), subject.signatureValue, signer.subjectPublicKeyInfo, subject.signatureAlgorithm);
  } catch {
    return false;
  }
}
