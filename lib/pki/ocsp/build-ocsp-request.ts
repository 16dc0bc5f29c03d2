import * as pkijs from "pkijs";
import { ZOcspRequestOptionsSchema, type TOcspRequestOptions } from "@/lib/pki/ocsp/ocsp.types";
import { createCertId } from "@/lib/pki/ocsp/cert-id";
import { nonceExtension } from "@/lib/pki/ocsp/ocsp-nonce";
import { toCertificate, type CertificateInput } from "@/lib/pki/x509/certificate-input";

export interface BuiltOcspRequest {
  der: Uint8Array;
  /** The nonce sent, to hand to checkOcspResponse. */
  nonce?: Uint8Array;
}

/** An unsigned OCSP request for one certificate, as a client (or a trading platform) sends it. */
export function buildOcspRequest(input: {
  certificate: CertificateInput;
  issuer: CertificateInput;
  options?: TOcspRequestOptions;
}): BuiltOcspRequest {
  const options = ZOcspRequestOptionsSchema.parse(input.options ?? {});
  const certificate = toCertificate(input.certificate);
  const issuer = toCertificate(input.issuer);
  const nonce = options.nonce === true ? globalThis.crypto.getRandomValues(new Uint8Array(16)) : options.nonce;

  const request = new pkijs.OCSPRequest();
  request.tbsRequest.requestList = [new pkijs.Request({ reqCert: createCertId(certificate, issuer, options.hashAlgorithm) })];
  if (nonce) request.tbsRequest.requestExtensions = [nonceExtension(nonce)];
  // encodeFlag true: an unsigned request has no stored TBS bytes for pkijs to reuse.
  const der = new Uint8Array(request.toSchema(true).toBER(false));
  return { der, nonce };
}
