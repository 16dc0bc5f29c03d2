import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { OID } from "@/lib/pki/oids";
import { PkiError } from "@/lib/pki/errors";
import { bytesToHex } from "@/lib/pki/encoding";
import { parsePkijs } from "@/lib/pki/asn1/parse-der";
import { describeCertId, type OcspCertId } from "@/lib/pki/ocsp/cert-id";
import { decodeCertStatus, type DecodedCertStatus } from "@/lib/pki/ocsp/cert-status-asn1";
import { findNonceExtension, readNonce } from "@/lib/pki/ocsp/ocsp-nonce";
import { ocspResponseStatusFromCode, type OcspResponseStatus } from "@/lib/pki/ocsp/ocsp-response-status";
import { nameToString } from "@/lib/pki/x509/name";

export type ParsedSingleResponse = DecodedCertStatus & {
  certId: OcspCertId;
  pkijsCertId: pkijs.CertID;
  thisUpdate: Date;
  nextUpdate?: Date;
};

export interface ParsedOcspResponse {
  responseStatus: OcspResponseStatus | "unrecognised";
  /** Present only for a successful response. */
  basic?: pkijs.BasicOCSPResponse;
  producedAt?: Date;
  /** Hex SHA-1 key hash when the responder is named by key, else undefined. */
  responderKeyHashHex?: string;
  /** Responder DN when named by name. */
  responderName?: string;
  responses: ParsedSingleResponse[];
  nonce?: Uint8Array;
  certificates: pkijs.Certificate[];
}

/** Parses an OCSPResponse. Says nothing about its signature: see checkOcspResponse. */
export function parseOcspResponse(der: Uint8Array): ParsedOcspResponse {
  const outer = parsePkijs(der, "OCSP response", (schema) => new pkijs.OCSPResponse({ schema }));
  const responseStatus = ocspResponseStatusFromCode(outer.responseStatus.valueBlock.valueDec) ?? "unrecognised";
  if (responseStatus !== "successful" || !outer.responseBytes) return { responseStatus, responses: [], certificates: [] };
  if (outer.responseBytes.responseType !== OID.ocspBasic) {
    throw new PkiError("invalid_der", `unsupported OCSP response type ${outer.responseBytes.responseType}`);
  }
  const basicDer = new Uint8Array(outer.responseBytes.response.valueBlock.valueHexView);
  const basic = parsePkijs(basicDer, "BasicOCSPResponse", (schema) => new pkijs.BasicOCSPResponse({ schema }));
  const data = basic.tbsResponseData;
  const responderID = data.responderID as unknown;
  const nonceExtension = findNonceExtension(data.responseExtensions);
  return {
    responseStatus,
    basic,
    producedAt: data.producedAt,
    responderKeyHashHex: responderID instanceof asn1js.OctetString ? bytesToHex(new Uint8Array(responderID.valueBlock.valueHexView)) : undefined,
    responderName: responderID instanceof pkijs.RelativeDistinguishedNames ? nameToString(responderID) : undefined,
    responses: data.responses.map((single) => {
      const status = decodeCertStatus(single.certStatus);
      if (!status) throw new PkiError("invalid_der", "OCSP SingleResponse has an unrecognised certStatus");
      return { ...status, certId: describeCertId(single.certID), pkijsCertId: single.certID, thisUpdate: single.thisUpdate, nextUpdate: single.nextUpdate };
    }),
    nonce: nonceExtension ? readNonce(nonceExtension) : undefined,
    certificates: basic.certs ?? [],
  };
}
