import { DER_TAG, DerReader, derTlv } from "@/lib/pki/der";
import { decodeSpki } from "@/lib/pki/spki";

const EXPLICIT_0 = 0xa0;

/**
 * The SM2 public key a certificate certifies (65-byte uncompressed point), read straight from the
 * DER without pkijs: the phone app checks with it that an issued certificate is for the joint key
 * it generated, before it stores anything. Throws PkiError on anything but an SM2 certificate.
 */
export function readCertificatePublicKey(der: Uint8Array): Uint8Array {
  const certificate = new DerReader(der);
  const tbs = new DerReader(new DerReader(certificate.read(DER_TAG.sequence)).read(DER_TAG.sequence));
  try {
    tbs.read(EXPLICIT_0); // version (v3); absent in v1
  } catch {
    // no version field
  }
  tbs.read(DER_TAG.integer); // serialNumber
  tbs.read(DER_TAG.sequence); // signature algorithm
  tbs.read(DER_TAG.sequence); // issuer
  tbs.read(DER_TAG.sequence); // validity
  tbs.read(DER_TAG.sequence); // subject
  return decodeSpki(derTlv(DER_TAG.sequence, tbs.read(DER_TAG.sequence)));
}
