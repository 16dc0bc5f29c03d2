import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { sha1 } from "@noble/hashes/legacy.js";
import { OID } from "@/lib/pki/oids";
import { PkiError } from "@/lib/pki/errors";
import { equalBytes } from "@/lib/pki/encoding";
import type { Sm2Signer } from "@/lib/pki/signer";
import { toArrayBuffer } from "@/lib/pki/asn1/buffers";
import { truncateToSeconds } from "@/lib/pki/asn1/time";
import { setupPkijs } from "@/lib/pki/engine/setup-pkijs";
import { signerAsPkijsKey } from "@/lib/pki/engine/sm2-crypto-engine";
import { certificatePublicKey, toCertificate, type CertificateInput } from "@/lib/pki/x509/certificate-input";
import { certIdMatchesIssuer, describeCertId, type OcspCertId } from "@/lib/pki/ocsp/cert-id";
import { encodeCertStatus } from "@/lib/pki/ocsp/cert-status-asn1";
import { MAX_NONCE_LENGTH } from "@/lib/pki/ocsp/ocsp-nonce";
import { buildOcspErrorResponse } from "@/lib/pki/ocsp/build-ocsp-error-response";
import { parseOcspRequest, type ParsedOcspRequest } from "@/lib/pki/ocsp/parse-ocsp-request";
import { ZCertStatusSchema, ZOcspResponseOptionsSchema, type TCertStatus, type TOcspResponseOptions } from "@/lib/pki/ocsp/ocsp.types";

export interface OcspLookupQuery {
  certId: OcspCertId;
  serialHex: string;
  /** The CA (one of `issuers`) that the CertID names. */
  issuer: pkijs.Certificate;
  issuerIndex: number;
}

export interface BuildOcspResponseInput {
  /** DER from the POST body or GET path, or an already parsed request. */
  request: Uint8Array | ParsedOcspRequest;
  /** CAs this responder answers for; a CertID naming another CA gets status "unknown". */
  issuers: CertificateInput[];
  /** Revocation status from the CA's records. Errors are not caught: answer internalError yourself. */
  lookup: (query: OcspLookupQuery) => TCertStatus | Promise<TCertStatus>;
  /** The issuing CA itself, or a delegated responder certificate it issued with id-kp-OCSPSigning. */
  responder: { certificate: CertificateInput; signer: Sm2Signer };
  options?: TOcspResponseOptions;
}

/**
 * A complete OCSPResponse (DER) for a request: a signed BasicOCSPResponse with responder ID by key
 * hash, one SingleResponse per CertID (echoed verbatim), the client's nonce echoed, and the
 * responder certificate embedded so clients can check a delegated responder. Malformed requests
 * get malformedRequest, requests about none of `issuers` get unauthorized (RFC 5019 2.2.3).
 */
export async function buildOcspResponse(input: BuildOcspResponseInput): Promise<Uint8Array> {
  const options = ZOcspResponseOptionsSchema.parse(input.options ?? {});
  let parsed: ParsedOcspRequest;
  try {
    parsed = input.request instanceof Uint8Array ? parseOcspRequest(input.request) : input.request;
  } catch (error) {
    if (error instanceof PkiError) return buildOcspErrorResponse("malformedRequest");
    throw error;
  }
  if (parsed.nonce && (parsed.nonce.length === 0 || parsed.nonce.length > MAX_NONCE_LENGTH)) {
    return buildOcspErrorResponse("malformedRequest");
  }

  const issuers = input.issuers.map((i) => toCertificate(i));
  const responderCertificate = toCertificate(input.responder.certificate);
  const responderKey = certificatePublicKey(responderCertificate);
  if (!equalBytes(input.responder.signer.publicKey, responderKey)) {
    throw new PkiError("invalid_key", "responder signer key does not match the responder certificate");
  }
  const issuerIndexes = parsed.certIds.map((certId) => issuers.findIndex((issuer) => certIdMatchesIssuer(certId, issuer)));
  if (issuerIndexes.every((i) => i === -1)) return buildOcspErrorResponse("unauthorized");

  const now = truncateToSeconds(options.now ?? new Date());
  const defaultNextUpdate = new Date(now.getTime() + options.validitySeconds * 1000);
  const responses: pkijs.SingleResponse[] = [];
  for (const [index, certId] of parsed.certIds.entries()) {
    const issuerIndex = issuerIndexes[index];
    const id = describeCertId(certId);
    const status =
      issuerIndex === -1
        ? ZCertStatusSchema.parse({ status: "unknown" })
        : ZCertStatusSchema.parse(await input.lookup({ certId: id, serialHex: id.serialHex, issuer: issuers[issuerIndex], issuerIndex }));
    responses.push(
      new pkijs.SingleResponse({
        certID: certId,
        certStatus: encodeCertStatus(status),
        thisUpdate: truncateToSeconds(status.thisUpdate ?? now),
        nextUpdate: truncateToSeconds(status.nextUpdate ?? defaultNextUpdate),
      }),
    );
  }

  const basic = new pkijs.BasicOCSPResponse();
  // ResponderID byKey: SHA-1 of the responder's public key BIT STRING value (RFC 6960 4.2.1).
  basic.tbsResponseData.responderID = new asn1js.OctetString({ valueHex: toArrayBuffer(sha1(responderKey)) });
  basic.tbsResponseData.producedAt = now;
  basic.tbsResponseData.responses = responses;
  if (parsed.nonceExtension) basic.tbsResponseData.responseExtensions = [parsed.nonceExtension];
  basic.certs = [responderCertificate];
  await basic.sign(signerAsPkijsKey(input.responder.signer), "SM3", setupPkijs());

  const response = new pkijs.OCSPResponse({
    responseStatus: new asn1js.Enumerated({ value: 0 }),
    responseBytes: new pkijs.ResponseBytes({
      responseType: OID.ocspBasic,
      response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER(false) }),
    }),
  });
  return new Uint8Array(response.toSchema().toBER(false));
}
