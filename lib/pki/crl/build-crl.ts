import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { OID } from "@/lib/pki/oids";
import { PkiError } from "@/lib/pki/errors";
import { equalBytes } from "@/lib/pki/encoding";
import { derToPem } from "@/lib/pki/pem";
import { toArrayBuffer } from "@/lib/pki/asn1/buffers";
import { bigintToAsn1Integer } from "@/lib/pki/asn1/integer";
import { toX509Time, truncateToSeconds } from "@/lib/pki/asn1/time";
import { setupPkijs } from "@/lib/pki/engine/setup-pkijs";
import { signerAsPkijsKey } from "@/lib/pki/engine/sm2-crypto-engine";
import { ZCrlInputSchema, type TCrlInput } from "@/lib/pki/crl/crl.types";
import { reasonCodeExtension } from "@/lib/pki/crl/revocation-reason";
import { certificatePublicKey, toCertificate } from "@/lib/pki/x509/certificate-input";
import { authorityKeyIdentifierExtension } from "@/lib/pki/x509/extensions";
import { issuerKeyIdentifier } from "@/lib/pki/x509/issuer-key-identifier";
import { serialHexToIntegerBytes } from "@/lib/pki/x509/serial-number";
import type { CertificateIssuer } from "@/lib/pki/x509/sign-certificate";

export interface BuiltCrl {
  der: Uint8Array;
  pem: string;
  crlNumber: bigint;
  thisUpdate: Date;
  nextUpdate: Date;
}

/** A v2 CRL signed by the issuing CA: CRL number and AKI, one entry per revoked serial. */
export async function buildCrl(input: TCrlInput, issuer: CertificateIssuer): Promise<BuiltCrl> {
  const parsed = ZCrlInputSchema.parse(input);
  const engine = setupPkijs();
  const issuerCertificate = toCertificate(issuer.certificate);
  const issuerKey = certificatePublicKey(issuerCertificate);
  if (!equalBytes(issuer.signer.publicKey, issuerKey)) {
    throw new PkiError("invalid_key", "signer key does not match the issuer certificate");
  }
  const thisUpdate = truncateToSeconds(parsed.thisUpdate);
  const nextUpdate = truncateToSeconds(parsed.nextUpdate);

  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.issuer = issuerCertificate.subject;
  crl.thisUpdate = toX509Time(thisUpdate);
  crl.nextUpdate = toX509Time(nextUpdate);
  // RFC 5280 5.1.2.6: with no revoked certificates the list is absent, not empty.
  if (parsed.entries.length > 0) {
    crl.revokedCertificates = parsed.entries.map(
      (entry) =>
        new pkijs.RevokedCertificate({
          userCertificate: new asn1js.Integer({ valueHex: toArrayBuffer(serialHexToIntegerBytes(entry.serialHex)) }),
          revocationDate: toX509Time(entry.revokedAt),
          ...(entry.reason && entry.reason !== "unspecified"
            ? { crlEntryExtensions: new pkijs.Extensions({ extensions: [reasonCodeExtension(entry.reason)] }) }
            : {}),
        }),
    );
  }
  crl.crlExtensions = new pkijs.Extensions({
    extensions: [
      authorityKeyIdentifierExtension(issuerKeyIdentifier(issuerCertificate)),
      new pkijs.Extension({ extnID: OID.crlNumber, critical: false, extnValue: bigintToAsn1Integer(parsed.crlNumber).toBER(false) }),
    ],
  });

  await crl.sign(signerAsPkijsKey(issuer.signer), "SM3", engine);
  if (!(await crl.verify({ issuerCertificate }, engine))) {
    throw new PkiError("sign_failed", "the signer returned a signature that does not verify");
  }
  const der = new Uint8Array(crl.toSchema().toBER(false));
  return { der, pem: derToPem(der, "X509 CRL"), crlNumber: parsed.crlNumber, thisUpdate, nextUpdate };
}
