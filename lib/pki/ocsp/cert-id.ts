import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { bytesToHex, equalBytes } from "@/lib/pki/encoding";
import { toArrayBuffer } from "@/lib/pki/asn1/buffers";
import { digest, hashNameByOid, hashOid, type HashName } from "@/lib/pki/engine/hash-algorithms";
import { certificatePublicKey } from "@/lib/pki/x509/certificate-input";
import { integerBytesToSerialHex } from "@/lib/pki/x509/serial-number";

/** A CertID (RFC 6960 4.1.1) in plain terms, for the responder's lookup and for logs. */
export interface OcspCertId {
  /** undefined when the client used a hash we do not support. */
  hashAlgorithm?: HashName;
  hashAlgorithmOid: string;
  issuerNameHashHex: string;
  issuerKeyHashHex: string;
  serialHex: string;
}

/** The issuer's DER subject exactly as encoded in its certificate: the bytes the hash is over. */
function issuerNameDer(issuer: pkijs.Certificate): Uint8Array {
  return new Uint8Array(issuer.subject.toSchema().toBER(false));
}

/** CertID for `certificate`, hashing the issuer's name and key with `hash` (SHA-1 is what most clients send). */
export function createCertId(certificate: pkijs.Certificate, issuer: pkijs.Certificate, hash: HashName = "SHA-1"): pkijs.CertID {
  return new pkijs.CertID({
    hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: hashOid(hash), algorithmParams: new asn1js.Null() }),
    issuerNameHash: new asn1js.OctetString({ valueHex: toArrayBuffer(digest(hash, issuerNameDer(issuer))) }),
    issuerKeyHash: new asn1js.OctetString({ valueHex: toArrayBuffer(digest(hash, certificatePublicKey(issuer))) }),
    serialNumber: certificate.serialNumber,
  });
}

export function describeCertId(certId: pkijs.CertID): OcspCertId {
  const oid = certId.hashAlgorithm.algorithmId;
  return {
    hashAlgorithm: hashNameByOid(oid),
    hashAlgorithmOid: oid,
    issuerNameHashHex: bytesToHex(new Uint8Array(certId.issuerNameHash.valueBlock.valueHexView)),
    issuerKeyHashHex: bytesToHex(new Uint8Array(certId.issuerKeyHash.valueBlock.valueHexView)),
    serialHex: integerBytesToSerialHex(new Uint8Array(certId.serialNumber.valueBlock.valueHexView)),
  };
}

/** True when the CertID names a certificate issued by `issuer` (name AND key hash match). */
export function certIdMatchesIssuer(certId: pkijs.CertID, issuer: pkijs.Certificate): boolean {
  const hash = hashNameByOid(certId.hashAlgorithm.algorithmId);
  if (!hash) return false;
  const nameHash = new Uint8Array(certId.issuerNameHash.valueBlock.valueHexView);
  const keyHash = new Uint8Array(certId.issuerKeyHash.valueBlock.valueHexView);
  const expectedName = digest(hash, issuerNameDer(issuer));
  const expectedKey = digest(hash, certificatePublicKey(issuer));
  return nameHash.length === expectedName.length && keyHash.length === expectedKey.length
    && equalBytes(nameHash, expectedName) && equalBytes(keyHash, expectedKey);
}

/** True when the CertID names exactly `certificate` as issued by `issuer`. */
export function certIdMatchesCertificate(certId: pkijs.CertID, certificate: pkijs.Certificate, issuer: pkijs.Certificate): boolean {
  return certIdMatchesIssuer(certId, issuer) && certId.serialNumber.isEqual(certificate.serialNumber);
}
