import { PkiError } from "@/lib/pki/errors";
import { equalBytes } from "@/lib/pki/encoding";
import { setupPkijs } from "@/lib/pki/engine/setup-pkijs";
import type { RevocationReason } from "@/lib/pki/crl/revocation-reason";
import { certIdMatchesCertificate } from "@/lib/pki/ocsp/cert-id";
import { parseOcspResponse, type ParsedOcspResponse } from "@/lib/pki/ocsp/parse-ocsp-response";
import { toCertificate, type CertificateInput } from "@/lib/pki/x509/certificate-input";
import { findAuthorisedResponder } from "@/lib/pki/verify/find-ocsp-responder";
import type { VerificationProblem, VerificationReason } from "@/lib/pki/verify/verification-reasons";

export interface OcspCheckResult {
  /** "good"/"revoked" only from a response that verified, matched and is current; else "unknown". */
  status: "good" | "revoked" | "unknown";
  revokedAt?: Date;
  reason?: RevocationReason;
  producedAt?: Date;
  problems: VerificationProblem[];
  reasons: VerificationReason[];
}

export interface OcspCheckOptions {
  at?: Date;
  /** Tolerated clock difference between responder and us; 5 minutes by default. */
  clockSkewSeconds?: number;
}

function result(status: OcspCheckResult["status"], problems: VerificationProblem[], extra: Partial<OcspCheckResult> = {}): OcspCheckResult {
  return { status, ...extra, problems, reasons: [...new Set(problems.map((p) => p.reason))] };
}

/**
 * Checks an OCSPResponse about `cert` (issued by `issuer`): authorised responder, signature,
 * matching CertID, freshness, and the nonce when the request carried one.
 */
export async function checkOcspResponse(
  response: Uint8Array,
  cert: CertificateInput,
  issuer: CertificateInput,
  nonce?: Uint8Array,
  options: OcspCheckOptions = {},
): Promise<OcspCheckResult> {
  const at = options.at ?? new Date();
  const skewMs = (options.clockSkewSeconds ?? 300) * 1000;
  const certificate = toCertificate(cert);
  const issuerCertificate = toCertificate(issuer);
  let parsed: ParsedOcspResponse;
  try {
    parsed = parseOcspResponse(response);
  } catch (error) {
    if (error instanceof PkiError) return result("unknown", [{ reason: "malformed", detail: error.message }]);
    throw error;
  }
  if (parsed.responseStatus !== "successful" || !parsed.basic) {
    return result("unknown", [{ reason: "ocsp_not_successful", detail: `responseStatus ${parsed.responseStatus}` }]);
  }
  const responder = await findAuthorisedResponder(parsed, issuerCertificate, at);
  if (!responder) return result("unknown", [{ reason: "ocsp_responder_unauthorized", detail: "responder is neither the CA nor delegated by it" }]);

  const basic = parsed.basic;
  let signatureOk = false;
  try {
    signatureOk = await setupPkijs().verifyWithPublicKey(
      new Uint8Array(basic.tbsResponseData.tbsView),
      basic.signature,
      responder.subjectPublicKeyInfo,
      basic.signatureAlgorithm,
    );
  } catch {
    signatureOk = false;
  }
  if (!signatureOk) return result("unknown", [{ reason: "signature_invalid", detail: "OCSP response signature does not verify" }]);

  const single = parsed.responses.find((r) => certIdMatchesCertificate(r.pkijsCertId, certificate, issuerCertificate));
  if (!single) return result("unknown", [{ reason: "ocsp_no_matching_response", detail: "no SingleResponse for this certificate" }]);

  const problems: VerificationProblem[] = [];
  if (single.thisUpdate.getTime() > at.getTime() + skewMs) problems.push({ reason: "ocsp_stale", detail: "thisUpdate is in the future" });
  if (single.nextUpdate && single.nextUpdate.getTime() < at.getTime() - skewMs) problems.push({ reason: "ocsp_stale", detail: "nextUpdate has passed" });
  if (nonce && !parsed.nonce) problems.push({ reason: "nonce_missing", detail: "request had a nonce, response has none" });
  if (nonce && parsed.nonce && !(parsed.nonce.length === nonce.length && equalBytes(parsed.nonce, nonce))) {
    problems.push({ reason: "nonce_mismatch", detail: "response nonce differs from the request's" });
  }
  if (problems.length > 0) return result("unknown", problems, { producedAt: parsed.producedAt });

  if (single.status === "revoked") {
    return result("revoked", [{ reason: "revoked", detail: `revoked ${single.revokedAt.toISOString()}${single.reason ? ` (${single.reason})` : ""}` }], {
      revokedAt: single.revokedAt,
      reason: single.reason,
      producedAt: parsed.producedAt,
    });
  }
  if (single.status === "unknown") return result("unknown", [{ reason: "status_unknown", detail: "responder does not know this certificate" }], { producedAt: parsed.producedAt });
  return result("good", [], { producedAt: parsed.producedAt });
}
