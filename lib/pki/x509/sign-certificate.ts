import type * as pkijs from "pkijs";
import { PkiError } from "@/lib/pki/errors";
import { equalBytes } from "@/lib/pki/encoding";
import type { Sm2Signer } from "@/lib/pki/signer";
import { verify } from "@/lib/pki/sm2";
import { DER_TAG, derOctetString, derOid, derSequence, derTlv } from "@/lib/pki/der";
import { OID } from "@/lib/pki/oids";
import { truncateToSeconds } from "@/lib/pki/asn1/time";
import { authorityKeyIdentifierExtension, subjectKeyIdentifierExtension } from "@/lib/pki/x509/extensions";
import { keyIdentifier } from "@/lib/pki/x509/key-identifier";
import { issuerKeyIdentifier } from "@/lib/pki/x509/issuer-key-identifier";
import { certificatePublicKey, toCertificate, type CertificateInput } from "@/lib/pki/x509/certificate-input";
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

// [0] EXPLICIT INTEGER 2 (v3), and SM2-with-SM3 with parameters absent (as OpenSSL writes it).
const VERSION_3 = Uint8Array.of(0xa0, 0x03, 0x02, 0x01, 0x02);
const SM2_WITH_SM3 = derSequence(derOid(OID.sm2WithSm3));
const SM2_KEY_ALGORITHM = derSequence(derOid(OID.ecPublicKey), derOid(OID.sm2Curve));
const TRUE = Uint8Array.of(0x01, 0x01, 0xff);

/** A Name's DER: the bytes it was built or parsed from (what chains by byte equality), else encoded. */
function nameDer(name: pkijs.RelativeDistinguishedNames): Uint8Array {
  const raw = name.valueBeforeDecode as ArrayBuffer | ArrayBufferView;
  const bytes = raw instanceof ArrayBuffer ? new Uint8Array(raw) : new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  return bytes.byteLength > 0 ? bytes : new Uint8Array(name.toSchema().toBER(false));
}

/** RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050 on; whole seconds, Zulu. */
function timeDer(date: Date): Uint8Array {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const digits = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  const isUtc = date.getUTCFullYear() < 2050;
  return derTlv(isUtc ? 0x17 : 0x18, new TextEncoder().encode(isUtc ? digits.slice(2) : digits));
}

/** Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } */
function extensionDer(extension: pkijs.Extension): Uint8Array {
  const value = new Uint8Array(extension.extnValue.valueBlock.valueHexView);
  return extension.critical ? derSequence(derOid(extension.extnID), TRUE, derOctetString(value)) : derSequence(derOid(extension.extnID), derOctetString(value));
}

/**
 * Signs a certificate from a profile template. `issuer` undefined means self-signed (a root).
 * Refuses a signer whose key is not the issuer certificate's key, and checks the signature
 * it got back before returning: a bad signature from a remote (two-party) signer must not
 * become an issued certificate.
 * The DER is written here directly (names as the bytes they were built or parsed from, each
 * extension from its value), the same bytes pkijs writes for the same certificate
 * (tests/unit/pki/x509.test.ts compares them) without building and re-parsing its object tree
 * three times per certificate, which was most of an issuance's CPU after the signature.
 */
export async function signCertificate(
  template: CertificateTemplate,
  signer: Sm2Signer,
  issuerInput?: CertificateInput,
): Promise<IssuedCertificate> {
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
  const key = template.subjectPublicKey;
  if (key.length !== 65 || key[0] !== 0x04) throw new PkiError("invalid_key", "SM2 public key must be an uncompressed 65-byte point");
  const subjectKeyId = keyIdentifier(key);
  const subject = nameDer(template.subject);
  const extensions = [subjectKeyIdentifierExtension(subjectKeyId), authorityKeyIdentifierExtension(issuer ? issuerKeyIdentifier(issuer) : subjectKeyId), ...template.extensions];

  const tbs = derSequence(
    VERSION_3,
    derTlv(DER_TAG.integer, serial),
    SM2_WITH_SM3,
    issuer ? nameDer(issuer.subject) : subject,
    derSequence(timeDer(notBefore), timeDer(notAfter)),
    subject,
    derSequence(SM2_KEY_ALGORITHM, derTlv(DER_TAG.bitString, Uint8Array.from([0, ...key]))),
    derTlv(0xa3, derSequence(...extensions.map(extensionDer))),
  );
  let signature: Uint8Array;
  try {
    signature = await signer.sign(tbs);
  } catch (error) {
    if (error instanceof PkiError) throw error;
    throw new PkiError("sign_failed", `SM2 signer failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  // A signer that checks its own signatures (the custody signer) verified this one over these TBS
  // bytes: no second verification.
  if (!signer.checksOwnSignatures && !verify(signature, tbs, signer.publicKey)) {
    throw new PkiError("sign_failed", "the signer returned a signature that does not verify");
  }
  const der = derSequence(tbs, SM2_WITH_SM3, derTlv(DER_TAG.bitString, Uint8Array.from([0, ...signature])));
  return describeIssuedCertificate(der, { serialHex: integerBytesToSerialHex(serial), notBefore, notAfter });
}
