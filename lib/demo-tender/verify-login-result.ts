import { verify } from "@/lib/pki/sm2";
import { pemToDer } from "@/lib/pki/pem";
import { certificatePublicKey, toCertificate } from "@/lib/pki/x509/certificate-input";
import { verifyChain } from "@/lib/pki/verify/verify-chain";
import type { LoginResult } from "@/lib/platform-client/platform-api";
import { fetchCaTrust } from "./fetch-ca-trust";

/**
 * A platform must not take CertDesk's word for a login: it checks the SM2 signature over its own
 * challenge with the certificate's key, and the certificate's path to the CA root it fetched.
 */
export async function verifyLoginResult({ challenge, result }: { challenge: string; result: LoginResult }) {
  const reasons: string[] = [];
  const der = pemToDer(result.certificate);
  const cert = toCertificate(der);
  const signatureOk = verify(Buffer.from(result.signature, "base64"), new TextEncoder().encode(challenge), certificatePublicKey(cert));
  if (!signatureOk) reasons.push("signature_invalid");
  if (result.challenge !== challenge) reasons.push("challenge_mismatch");
  const trust = await fetchCaTrust();
  const chain = await verifyChain({ leaf: der, intermediates: trust.intermediates, roots: trust.roots });
  reasons.push(...chain.reasons);
  // The issuing CA by its common name (2.5.4.3), as a person reads it; the other values if it has none.
  const values = chain.chain[1]?.subject.typesAndValues ?? [];
  const issuer = String((values.find((tv) => tv.type === "2.5.4.3") ?? values.at(-1))?.value.valueBlock.value ?? "");
  return { valid: reasons.length === 0, reasons, issuer, chainLength: chain.chain.length };
}
