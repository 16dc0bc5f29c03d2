import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { OID } from "@/lib/pki/oids";
import { derFromPemOrDer } from "@/lib/pki/pem-blocks";
import { parsePkijs } from "@/lib/pki/asn1/parse-der";
import { asn1IntegerToBigint } from "@/lib/pki/asn1/integer";
import { readReasonCode, type RevocationReason } from "@/lib/pki/crl/revocation-reason";
import { nameToString } from "@/lib/pki/x509/name";
import { integerBytesToSerialHex } from "@/lib/pki/x509/serial-number";
import { readBer } from "@/lib/pki/asn1/parse-der";

export interface ParsedCrlEntry {
  serialHex: string;
  revokedAt: Date;
  reason?: RevocationReason;
}

export interface ParsedCrl {
  crl: pkijs.CertificateRevocationList;
  issuer: string;
  crlNumber?: bigint;
  thisUpdate: Date;
  nextUpdate?: Date;
  entries: ParsedCrlEntry[];
}

/** Parses a CRL from DER or PEM. Says nothing about its signature: see checkRevocationByCrl. */
export function parseCrl(input: Uint8Array | string): ParsedCrl {
  const der = derFromPemOrDer(input, "X509 CRL");
  const crl = parsePkijs(der, "CRL", (schema) => new pkijs.CertificateRevocationList({ schema }));
  const numberExtension = crl.crlExtensions?.extensions.find((e) => e.extnID === OID.crlNumber);
  const numberValue = numberExtension ? readBer(numberExtension.extnValue.valueBlock.valueHexView).result : undefined;
  return {
    crl,
    issuer: nameToString(crl.issuer),
    crlNumber: numberValue instanceof asn1js.Integer ? asn1IntegerToBigint(numberValue) : undefined,
    thisUpdate: crl.thisUpdate.value,
    nextUpdate: crl.nextUpdate?.value,
    entries: (crl.revokedCertificates ?? []).map((entry) => ({
      serialHex: integerBytesToSerialHex(new Uint8Array(entry.userCertificate.valueBlock.valueHexView)),
      revokedAt: entry.revocationDate.value,
      reason: readReasonCode(entry.crlEntryExtensions?.extensions),
    })),
  };
}
