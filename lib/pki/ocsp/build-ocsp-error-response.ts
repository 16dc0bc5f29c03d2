import * as asn1js from "asn1js";
import { OCSP_RESPONSE_STATUSES, type OcspErrorStatus } from "@/lib/pki/ocsp/ocsp-response-status";

/**
 * An unsigned OCSPResponse carrying only an error status (RFC 6960 2.3). No responseBytes: such
 * responses are unsigned by design, which is why clients never treat them as a status answer.
 */
export function buildOcspErrorResponse(status: OcspErrorStatus): Uint8Array {
  const response = new asn1js.Sequence({ value: [new asn1js.Enumerated({ value: OCSP_RESPONSE_STATUSES[status] })] });
  return new Uint8Array(response.toBER(false));
}
