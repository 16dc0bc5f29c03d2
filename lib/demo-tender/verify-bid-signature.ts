import { verifyCmsDetached } from "@/lib/pki/verify/verify-cms-detached";
import { fetchCaTrust } from "./fetch-ca-trust";

/** The platform's own check of the returned CMS against the bid file's bytes and the CA root. */
export async function verifyBidSignature({ cms, document }: { cms: string; document: Uint8Array }) {
  const trust = await fetchCaTrust();
  const check = await verifyCmsDetached({ p7s: new Uint8Array(Buffer.from(cms, "base64")), data: document, trustedRoots: trust.roots, intermediates: trust.intermediates });
  return { valid: check.valid, subject: check.signer?.subject, signingTime: check.signingTime?.toISOString(), reasons: check.reasons as string[] };
}
