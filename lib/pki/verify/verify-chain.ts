import type * as pkijs from "pkijs";
import { equalBytes } from "@/lib/pki/encoding";
import type { KeyUsage } from "@/lib/pki/x509/extensions";
import { certificateToDer, toCertificate, type CertificateInput } from "@/lib/pki/x509/certificate-input";
import { parsedCertificate } from "@/lib/pki/x509/parsed-certificate";
import { nameToString } from "@/lib/pki/x509/name";
import { verifyCertificateSignature } from "@/lib/pki/verify/verify-certificate-signature";
import {
  checkCriticalExtensions,
  checkIssuerCapabilities,
  checkValidityPeriod,
  readKeyUsage,
} from "@/lib/pki/verify/certificate-checks";
import type { VerificationProblem, VerificationReason } from "@/lib/pki/verify/verification-reasons";

export interface VerifyChainInput {
  leaf: CertificateInput;
  /** Untrusted certificates that may help build the path (e.g. embedded in a CMS signature). */
  intermediates?: CertificateInput[];
  /** Trust anchors. */
  roots: CertificateInput[];
  /** The time the path must be valid at; now by default. */
  at?: Date;
  /** Key usages the leaf must assert when it has a keyUsage extension. */
  leafKeyUsage?: KeyUsage[];
}

export interface ChainVerificationResult {
  valid: boolean;
  /** Leaf first, trust anchor last; as far as it could be built. */
  chain: pkijs.Certificate[];
  problems: VerificationProblem[];
  reasons: VerificationReason[];
}

const MAX_PATH = 8;

// Different signature values mean different certificates: only equal ones are re-encoded to compare.
const sameCertificate = (a: pkijs.Certificate, b: pkijs.Certificate) =>
  a === b ||
  (equalBytes(new Uint8Array(a.signatureValue.valueBlock.valueHexView), new Uint8Array(b.signatureValue.valueBlock.valueHexView)) &&
    equalBytes(certificateToDer(a), certificateToDer(b)));

/** Trust anchors and intermediates given as DER are parsed once per process (parsed-certificate.ts). */
const anchorCertificate = (input: CertificateInput) => (input instanceof Uint8Array ? parsedCertificate(input) : toCertificate(input));

/** The first candidate named as current's issuer whose key verifies current's signature. */
async function findIssuer(current: pkijs.Certificate, candidates: pkijs.Certificate[]): Promise<{ found?: pkijs.Certificate; nameMatched: boolean }> {
  const named = candidates.filter((c) => c.subject.isEqual(current.issuer));
  for (const candidate of named) {
    if (await verifyCertificateSignature(current, candidate)) return { found: candidate, nameMatched: true };
  }
  return { nameMatched: named.length > 0 };
}

/**
 * RFC 5280 path validation, reduced to what this PKI uses: builds leaf -> intermediates -> a
 * trusted root, checks every signature, validity at `at`, basicConstraints and pathLen, keyCertSign
 * on issuers, and refuses unknown critical extensions. Revocation is checked separately
 * (checkRevocationByCrl / checkOcspResponse), since the caller decides which source it trusts.
 */
export async function verifyChain(input: VerifyChainInput): Promise<ChainVerificationResult> {
  const at = input.at ?? new Date();
  const roots = input.roots.map(anchorCertificate);
  const intermediates = (input.intermediates ?? []).map(anchorCertificate);
  const leaf = toCertificate(input.leaf);
  const chain = [leaf];
  const problems: VerificationProblem[] = [];

  let anchored = roots.some((root) => sameCertificate(root, leaf));
  while (!anchored) {
    const current = chain[chain.length - 1];
    if (chain.length > MAX_PATH) {
      problems.push({ reason: "path_too_long", detail: `more than ${MAX_PATH} certificates` });
      break;
    }
    const root = await findIssuer(current, roots);
    if (root.found) {
      chain.push(root.found);
      anchored = true;
      break;
    }
    const unused = intermediates.filter((c) => !chain.some((inChain) => sameCertificate(inChain, c)));
    const next = await findIssuer(current, unused);
    if (next.found) {
      chain.push(next.found);
      continue;
    }
    const subject = nameToString(current.subject);
    if (root.nameMatched || next.nameMatched) {
      problems.push({ reason: "signature_invalid", detail: "signature does not verify with the named issuer's key", subject });
    } else {
      problems.push({ reason: "untrusted_root", detail: `no trusted issuer named ${nameToString(current.issuer)}`, subject });
    }
    break;
  }

  for (const [index, cert] of chain.entries()) {
    problems.push(...checkValidityPeriod(cert, at), ...checkCriticalExtensions(cert));
    // Every certificate above the leaf signed the one below it: it must be a CA allowed to.
    if (index > 0) problems.push(...checkIssuerCapabilities(cert, Math.max(0, index - 1)));
  }
  const leafUsages = readKeyUsage(leaf);
  for (const usage of input.leafKeyUsage ?? []) {
    if (leafUsages && !leafUsages.has(usage)) {
      problems.push({ reason: "key_usage_missing", detail: `${usage} not asserted`, subject: nameToString(leaf.subject) });
    }
  }
  return { valid: anchored && problems.length === 0, chain, problems, reasons: [...new Set(problems.map((p) => p.reason))] };
}
