// Stable reason codes returned by the verification functions. Trading platforms log and display
// them, so a code, once shipped, keeps its meaning.
export type VerificationReason =
  | "malformed"
  | "signature_invalid"
  | "unsupported_algorithm"
  | "issuer_mismatch"
  | "not_yet_valid"
  | "expired"
  | "not_a_ca"
  | "path_length_exceeded"
  | "key_usage_missing"
  | "unknown_critical_extension"
  | "untrusted_root"
  | "path_too_long"
  | "revoked"
  | "status_unknown"
  | "crl_expired"
  | "crl_not_yet_valid"
  | "ocsp_not_successful"
  | "ocsp_no_matching_response"
  | "ocsp_responder_unauthorized"
  | "ocsp_stale"
  | "nonce_mismatch"
  | "nonce_missing"
  | "signer_certificate_missing"
  | "digest_mismatch"
  | "content_type_mismatch"
  | "signed_attributes_missing"
  | "attached_content_unexpected";

/** One problem found, with the certificate it concerns when there is one. */
export interface VerificationProblem {
  reason: VerificationReason;
  detail: string;
  /** Subject DN of the certificate concerned. */
  subject?: string;
}
