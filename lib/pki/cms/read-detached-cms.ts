import { DER_TAG, DerReader, decodeOid, derOid } from "@/lib/pki/der";
import { OID } from "@/lib/pki/oids";
import { PkiError } from "@/lib/pki/errors";
import { equalBytes } from "@/lib/pki/encoding";

const SET = 0x31;
const CONTEXT_0 = 0xa0;
const CONTEXT_1 = 0xa1;

/** One attribute of a SignerInfo's signed attributes: its type and each value's whole DER. */
export type CmsAttribute = { type: string; values: Uint8Array[] };

/**
 * A detached CMS SignedData with one signer named by issuer and serial, read straight from its DER
 * (RFC 5652 5.1–5.4) without building pkijs objects: what verifyCmsDetached's fast path checks.
 */
export type DetachedCms = {
  eContentType: Uint8Array; // the OBJECT IDENTIFIER's whole DER
  certificates: Uint8Array[]; // each Certificate's DER, as embedded
  signer: {
    issuer: Uint8Array; // the Name's whole DER
    serial: Uint8Array; // the INTEGER's content octets
    digestAlgorithm: string;
    signedAttributes: Uint8Array; // re-tagged as the universal SET the signature covers
    attributes: CmsAttribute[];
    signatureAlgorithm: string;
    signature: Uint8Array;
  };
};

/** Skips an AlgorithmIdentifier's parameters: absent, NULL, or anything in one TLV. */
function readAlgorithm(reader: DerReader): string {
  const algorithm = new DerReader(reader.read(DER_TAG.sequence));
  const oid = decodeOid(algorithm.read(DER_TAG.oid));
  const tag = algorithm.peekTag();
  if (tag !== undefined) algorithm.read(tag);
  algorithm.end();
  return oid;
}

export function readAttributes(set: Uint8Array): CmsAttribute[] {
  const reader = new DerReader(set);
  const attributes: CmsAttribute[] = [];
  while (!reader.isDone) {
    const attribute = new DerReader(reader.read(DER_TAG.sequence));
    const type = decodeOid(attribute.read(DER_TAG.oid));
    const values = new DerReader(attribute.read(SET));
    attribute.end();
    const list: Uint8Array[] = [];
    while (!values.isDone) {
      const tag = values.peekTag()!;
      list.push(values.readTlv(tag).tlv);
    }
    attributes.push({ type, values: list });
  }
  return attributes;
}

/**
 * The shape a phone or this desk produces — DER with definite minimal lengths, ContentInfo of
 * signedData, no encapsulated content, certificates only (no CRLs, no other certificate choices), one
 * SignerInfo with an IssuerAndSerialNumber and signed attributes — or null for anything else (BER, a
 * second signer, a subject key identifier, …), which the caller hands to the full pkijs parser. Never
 * throws on bad bytes: null is "not this shape", not "invalid".
 */
export function readDetachedCms(der: Uint8Array): DetachedCms | null {
  try {
    return read(der);
  } catch (error) {
    if (error instanceof PkiError) return null;
    throw error;
  }
}

function read(der: Uint8Array): DetachedCms | null {
  const outer = new DerReader(der);
  const contentInfo = new DerReader(outer.read(DER_TAG.sequence));
  outer.end();
  if (!equalBytes(contentInfo.readTlv(DER_TAG.oid).tlv, derOid(OID.cmsSignedData))) return null;
  const explicit = new DerReader(contentInfo.read(CONTEXT_0));
  contentInfo.end();
  const signedData = new DerReader(explicit.read(DER_TAG.sequence));
  explicit.end();

  signedData.readInteger(); // version
  const digestAlgorithms = new DerReader(signedData.read(SET));
  while (!digestAlgorithms.isDone) readAlgorithm(digestAlgorithms);
  const encap = new DerReader(signedData.read(DER_TAG.sequence));
  const eContentType = encap.readTlv(DER_TAG.oid).tlv;
  if (!encap.isDone) return null; // attached content: the full parser says so
  const certificates: Uint8Array[] = [];
  if (signedData.peekTag() === CONTEXT_0) {
    const set = new DerReader(signedData.read(CONTEXT_0));
    while (!set.isDone) certificates.push(set.readTlv(DER_TAG.sequence).tlv);
  }
  if (signedData.peekTag() !== SET) return null; // CRLs, or something else
  const signerInfos = new DerReader(signedData.read(SET));
  signedData.end();
  const signerInfo = new DerReader(signerInfos.read(DER_TAG.sequence));
  if (!signerInfos.isDone) return null; // more than one signer

  signerInfo.readInteger(); // version
  if (signerInfo.peekTag() !== DER_TAG.sequence) return null; // a subject key identifier
  const sid = new DerReader(signerInfo.read(DER_TAG.sequence));
  const issuer = sid.readTlv(DER_TAG.sequence).tlv;
  const serial = sid.read(DER_TAG.integer);
  sid.end();
  const digestAlgorithm = readAlgorithm(signerInfo);
  if (signerInfo.peekTag() !== CONTEXT_0) return null; // no signed attributes
  const signed = signerInfo.readTlv(CONTEXT_0);
  const signatureAlgorithm = readAlgorithm(signerInfo);
  const signature = signerInfo.read(DER_TAG.octetString);
  if (signerInfo.peekTag() === CONTEXT_1) readAttributes(signerInfo.read(CONTEXT_1)); // unsigned attributes: well formed, not used
  signerInfo.end();

  const signedAttributes = Uint8Array.from(signed.tlv);
  signedAttributes[0] = SET;
  return {
    eContentType,
    certificates,
    signer: { issuer, serial, digestAlgorithm, signedAttributes, attributes: readAttributes(signed.content), signatureAlgorithm, signature },
  };
}

/** A Certificate's issuer Name (whole DER) and serialNumber (content octets), read from its DER. */
export function certificateIssuerAndSerial(certificate: Uint8Array): { issuer: Uint8Array; serial: Uint8Array } | null {
  try {
    const tbs = new DerReader(new DerReader(new DerReader(certificate).read(DER_TAG.sequence)).read(DER_TAG.sequence));
    if (tbs.peekTag() === CONTEXT_0) tbs.read(CONTEXT_0); // version
    const serial = tbs.read(DER_TAG.integer);
    tbs.read(DER_TAG.sequence); // signature algorithm
    return { issuer: tbs.readTlv(DER_TAG.sequence).tlv, serial };
  } catch (error) {
    if (error instanceof PkiError) return null;
    throw error;
  }
}
