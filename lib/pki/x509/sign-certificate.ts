import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { PkiError } from "@/lib/pki/errors";
import { equalBytes } from "@/lib/pki/encoding";
import type { Sm2Signer } from "@/lib/pki/signer";
import { toArrayBuffer } from "@/lib/pki/asn1/buffers";
import { toX509Time, truncateToSeconds } from "@/lib/pki/asn1/time";
import { setupPkijs } from "@/lib/pki/engine/setup-pkijs";
import { signerAsPkijsKey } from "@/lib/pki/engine/sm2-crypto-engine";
import { sm2PublicKeyInfo } from "@/lib/pki/engine/sm2-public-key";
import { authorityKeyIdentifierExtension, subjectKeyIdentifierExtension } from "@/lib/pki/x509/extensions";
import { keyIdentifier } from "@/lib/pki/x509/key-identifier";
import { issuerKeyIdentifier } from "@/lib/pki/x509/issuer-key-identifier";
import { certificatePublicKey, certificateToDer, toCertificate, type CertificateInput } from "@/lib/pki/x509/certificate-input";
import { describeIssuedCertificate, type IssuedCertificate } from "@/lib/pki/x509/issued-certificate";
import { generateSerialNumber, integerBytesToSerialHex, serialHexToIntegerBytes } from "@/lib/pki/x509/serial-number";

/** The CA that signs: its certificate (to chain names and key identifiers) and its key. */
export interface CertificateIssuer {
  certificate: CertificateInput;
  signer: Sm2Signer;
}

export interface CertificateTemplate {
  /** Hex serial; a fresh 16-byte CSPRNG serial when absent. */
  serialHex?: string;
  subject: pkijs.RelativeDistinguishedNames;
  subjectPublicKey: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  /** Profile extensions; SKI and AKI are added here from the keys. */
  extensions: pkijs.Extension[];
}

/**
 * Signs a certificate from a profile template. `issuer` undefined means self-signed (a root).
 * Refuses a signer whose key is not the issuer certificate's key, and checks the signature
 * it got back before returning: a bad signature from a remote (two-party) signer must not
 * become an issued certificate.
 */
export async function signCertificate(
  template: CertificateTemplate,
  signer: Sm2Signer,
  issuerInput?: CertificateInput,
): Promise<IssuedCertificate> {
  const engine = setupPkijs();
  const issuer = issuerInput ? toCertificate(issuerInput) : undefined;
  const expectedKey = issuer ? certificatePublicKey(issuer) : template.subjectPublicKey;
  if (!equalBytes(signer.publicKey, expectedKey)) {
    throw new PkiError("invalid_key", "signer key does not match the issuer certificate");
  }

  const notBefore = truncateToSeconds(template.notBefore);
  let notAfter = truncateToSeconds(template.notAfter);
  // A certificate must not outlive its issuer (RFC 5280 path validation would reject it later).
  if (issuer && notAfter > issuer.notAfter.value) notAfter = truncateToSeconds(issuer.notAfter.value);
  if (notAfter <= notBefore) throw new PkiError("invalid_message", "notAfter must be later than notBefore");

  const serial = template.serialHex ? serialHexToIntegerBytes(template.serialHex) : generateSerialNumber().bytes;
  const subjectKeyId = keyIdentifier(template.subjectPublicKey);

  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({ valueHex: toArrayBuffer(serial) });
  certificate.subject = template.subject;
  certificate.issuer = issuer ? issuer.subject : template.subject;
  certificate.notBefore = toX509Time(notBefore);
  certificate.notAfter = toX509Time(notAfter);
  certificate.subjectPublicKeyInfo = sm2PublicKeyInfo(template.subjectPublicKey);
  certificate.extensions = [
    subjectKeyIdentifierExtension(subjectKeyId),
    authorityKeyIdentifierExtension(issuer ? issuerKeyIdentifier(issuer) : subjectKeyId),
    ...template.extensions,
  ];

  await certificate.sign(signerAsPkijsKey(signer), "SM3", engine);
  // A signer that checks its own signatures (the custody signer) verified this one over the TBS
  // bytes pkijs handed it, which are the certificate's tbsView: no second verification.
  if (!signer.checksOwnSignatures && !(await certificate.verify(issuer, engine))) {
    throw new PkiError("sign_failed", "the signer returned a signature that does not verify");
  }
  const der = certificateToDer(certificate);
  return describeIssuedCertificate(der, { serialHex: integerBytesToSerialHex(serial), notBefore, notAfter });
}
