import * as pkijs from "pkijs";
import { PkiError } from "@/lib/pki/errors";
import { parsePkijs } from "@/lib/pki/asn1/parse-der";
import { base64Decode } from "@/lib/pki/asn1/base64";
import { describeCertId, type OcspCertId } from "@/lib/pki/ocsp/cert-id";
import { findNonceExtension, readNonce } from "@/lib/pki/ocsp/ocsp-nonce";

export interface ParsedOcspRequest {
  request: pkijs.OCSPRequest;
  /** pkijs CertIDs in request order, echoed verbatim into the response. */
  certIds: pkijs.CertID[];
  /** The same in plain terms. */
  ids: OcspCertId[];
  nonce?: Uint8Array;
  /** The client's nonce extension as sent, so the echo is byte-identical. */
  nonceExtension?: pkijs.Extension;
}

/** An OCSP request from a POST body (application/ocsp-request, DER). Throws PkiError("invalid_der"). */
export function parseOcspRequest(der: Uint8Array): ParsedOcspRequest {
  const request = parsePkijs(der, "OCSP request", (schema) => new pkijs.OCSPRequest({ schema }));
  const { requestList, requestExtensions, version } = request.tbsRequest;
  if (version !== undefined && version !== 0) throw new PkiError("invalid_der", `OCSP request version ${version} unsupported`);
  if (requestList.length === 0) throw new PkiError("invalid_der", "OCSP request lists no certificates");
  const certIds = requestList.map((r) => r.reqCert);
  const nonceExtension = findNonceExtension(requestExtensions);
  return {
    request,
    certIds,
    ids: certIds.map(describeCertId),
    nonceExtension,
    nonce: nonceExtension ? readNonce(nonceExtension) : undefined,
  };
}

/**
 * An OCSP request from a GET path (RFC 6960 A.1: url-encoded base64 of the DER after the
 * responder URL). Pass the part after the responder's base path; percent-encoding is undone here.
 */
export function parseOcspRequestFromGetPath(path: string): ParsedOcspRequest {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path.replace(/^\/+/, ""));
  } catch {
    throw new PkiError("invalid_der", "OCSP GET path is not valid percent-encoding");
  }
  return parseOcspRequest(base64Decode(decoded));
}
