import * as pkijs from "pkijs";
import { OID } from "@/lib/pki/oids";
import { PkiError } from "@/lib/pki/errors";
import { derFromPemOrDer } from "@/lib/pki/pem-blocks";
import { parsePkijs } from "@/lib/pki/asn1/parse-der";

/** The SignedData inside a ContentInfo, from DER or PEM ("CMS" or "PKCS7" label). */
export function parseCmsSignedData(input: Uint8Array | string): pkijs.SignedData {
  const der = derFromPemOrDer(input);
  const contentInfo = parsePkijs(der, "CMS ContentInfo", (schema) => new pkijs.ContentInfo({ schema }));
  if (contentInfo.contentType !== OID.cmsSignedData) {
    throw new PkiError("invalid_der", `CMS content type ${contentInfo.contentType} is not signedData`);
  }
  // Re-parse from DER so every signer's signedAttrs keeps its received encoding (PKI-NOTES: pkijs
  // verifies only what it parsed, not what it built).
  const inner = new Uint8Array(contentInfo.content.toBER(false));
  return parsePkijs(inner, "CMS SignedData", (schema) => new pkijs.SignedData({ schema }));
}

/** The certificate a SignerInfo names, by issuer and serial or by subject key identifier. */
export function findSignerCertificate(signedData: pkijs.SignedData, signerInfo: pkijs.SignerInfo): pkijs.Certificate | undefined {
  const certificates = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const sid = signerInfo.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
  }
  return undefined;
}
