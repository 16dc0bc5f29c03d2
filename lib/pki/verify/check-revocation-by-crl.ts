import type * as pkijs from "pkijs";
import { PkiError } from "@/lib/pki/errors";
import { setupPkijs } from "@/lib/pki/engine/setup-pkijs";
import { parseCrl } from "@/lib/pki/crl/parse-crl";
import type { RevocationReason } from "@/lib/pki/crl/revocation-reason";
import { certificateSerialHex, toCertificate, type CertificateInput } from "@/lib/pki/x509/certificate-input";
import { readKeyUsage } from "@/lib/pki/verify/certificate-checks";
import type { VerificationProblem, VerificationReason } from "@/lib/pki/verify/verification-reasons";

export interface CrlCheckResult {
  /** "revoked" and "good" only come from a CRL that verified and is current; otherwise "unknown". */
  status: "good" | "revoked" | "unknown";
  revokedAt?: Date;
  reason?: RevocationReason;
  problems: VerificationProblem[];
  reasons: VerificationReason[];
}

function result(status: CrlCheckResult["status"], problems: VerificationProblem[], extra: Partial<CrlCheckResult> = {}): CrlCheckResult {
  return { status, ...extra, problems, reasons: [...new Set(problems.map((p) => p.reason))] };
}

/**
 * Looks `cert` up in `crl` after checking that `issuer` signed the CRL, that the CRL names that
 * issuer, that the issuer may sign CRLs, and that the CRL is current at `at`.
 */
export async function checkRevocationByCrl(
  cert: CertificateInput,
  crl: Uint8Array | string,
  issuer: CertificateInput,
  at: Date = new Date(),
): Promise<CrlCheckResult> {
  const certificate = toCertificate(cert);
  const issuerCertificate: pkijs.Certificate = toCertificate(issuer);
  let parsed: ReturnType<typeof parseCrl>;
  try {
    parsed = parseCrl(crl);
  } catch (error) {
    if (error instanceof PkiError) return result("unknown", [{ reason: "malformed", detail: error.message }]);
    throw error;
  }
  if (!parsed.crl.issuer.isEqual(issuerCertificate.subject) || !certificate.issuer.isEqual(issuerCertificate.subject)) {
    return result("unknown", [{ reason: "issuer_mismatch", detail: "CRL, certificate and issuer do not name the same CA" }]);
  }
  const usages = readKeyUsage(issuerCertificate);
  if (usages && !usages.has("cRLSign")) return result("unknown", [{ reason: "key_usage_missing", detail: "issuer lacks cRLSign" }]);
  let signatureOk = false;
  try {
    signatureOk = await parsed.crl.verify({ issuerCertificate }, setupPkijs());
  } catch {
    signatureOk = false;
  }
  if (!signatureOk) return result("unknown", [{ reason: "signature_invalid", detail: "CRL signature does not verify" }]);
  if (at < parsed.thisUpdate) return result("unknown", [{ reason: "crl_not_yet_valid", detail: `thisUpdate ${parsed.thisUpdate.toISOString()}` }]);
  if (parsed.nextUpdate && at > parsed.nextUpdate) {
    return result("unknown", [{ reason: "crl_expired", detail: `nextUpdate ${parsed.nextUpdate.toISOString()}` }]);
  }
  const serialHex = certificateSerialHex(certificate);
  const entry = parsed.entries.find((e) => e.serialHex === serialHex);
  if (!entry) return result("good", []);
  return result("revoked", [{ reason: "revoked", detail: `revoked ${entry.revokedAt.toISOString()}${entry.reason ? ` (${entry.reason})` : ""}` }], {
    revokedAt: entry.revokedAt,
    reason: entry.reason,
  });
}
