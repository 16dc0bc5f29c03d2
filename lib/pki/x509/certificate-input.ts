import * as pkijs from "pkijs";
import { derFromPemOrDer } from "@/lib/pki/pem-blocks";
import { parsePkijs } from "@/lib/pki/asn1/parse-der";
import { integerBytesToSerialHex } from "@/lib/pki/x509/serial-number";

/** Certificates arrive as pkijs objects (from our builders), DER bytes, or PEM text (from storage). */
export type CertificateInput = pkijs.Certificate | Uint8Array | string;

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  return parsePkijs(der, "certificate", (schema) => new pkijs.Certificate({ schema }));
}

export function toCertificate(input: CertificateInput): pkijs.Certificate {
  if (input instanceof pkijs.Certificate) return input;
  return parseCertificate(derFromPemOrDer(input, "CERTIFICATE"));
}

export function certificateToDer(certificate: pkijs.Certificate): Uint8Array {
  return new Uint8Array(certificate.toSchema().toBER(false));
}

/** The 65-byte SM2 point of a certificate's subject key. */
export function certificatePublicKey(certificate: pkijs.Certificate): Uint8Array {
  return new Uint8Array(certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
}

export function certificateSerialHex(certificate: pkijs.Certificate): string {
  return integerBytesToSerialHex(new Uint8Array(certificate.serialNumber.valueBlock.valueHexView));
}

/** Extension by OID, or undefined. */
export function findExtension(certificate: pkijs.Certificate, oid: string): pkijs.Extension | undefined {
  return certificate.extensions?.find((e) => e.extnID === oid);
}
