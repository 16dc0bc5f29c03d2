import * as asn1js from "asn1js";
import { OID } from "@/lib/pki/oids";
import { PkiError } from "@/lib/pki/errors";
import { equalBytes } from "@/lib/pki/encoding";
import { DER_TAG, DerReader, decodeOid, derOctetString, derOid, derSequence, derTlv } from "@/lib/pki/der";
import { truncateToSeconds } from "@/lib/pki/asn1/time";
import { readAttributes } from "./read-detached-cms";

export type SignedAttributeValues = { contentType: string; messageDigest: Uint8Array; signingTime: Date };

const SET = 0x31;
const UTC_TIME = 0x17;
const GENERALIZED_TIME = 0x18;

/** DER SET OF order (X.690 11.6): by encoded bytes, a shorter encoding first when it is a prefix. */
function compareDer(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!;
  }
  return a.length - b.length;
}

/** RFC 5652 11.3: UTCTime (YYMMDDHHMMSSZ) for 1950–2049, GeneralizedTime (YYYYMMDDHHMMSSZ) otherwise. */
function encodeTime(date: Date): Uint8Array {
  const two = (n: number) => String(n).padStart(2, "0");
  const year = date.getUTCFullYear();
  const rest = `${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z`;
  const utc = year < 2050;
  const text = `${utc ? two(year % 100) : String(year).padStart(4, "0")}${rest}`;
  return derTlv(utc ? UTC_TIME : GENERALIZED_TIME, new TextEncoder().encode(text));
}

/**
 * The DER SET OF Attribute that a CMS signature covers (RFC 5652 5.4), as signCmsDetached builds it:
 * contentType, signingTime (whole seconds) and messageDigest in DER SET order. Written with lib/pki/der
 * (the same bytes pkijs writes for buildSignedAttributes: read-signed-attributes.test.ts).
 */
export function encodeSignedAttributes(values: SignedAttributeValues): Uint8Array {
  const attribute = (type: string, value: Uint8Array) => derSequence(derOid(type), derTlv(SET, value));
  const attributes = [
    attribute(OID.attrContentType, derOid(values.contentType)),
    attribute(OID.attrSigningTime, encodeTime(truncateToSeconds(values.signingTime))),
    attribute(OID.attrMessageDigest, derOctetString(values.messageDigest)),
  ].sort(compareDer);
  return derTlv(SET, Uint8Array.from(attributes.flatMap((a) => [...a])));
}

/**
 * Reads the signed attributes a signer is about to sign (the universal SET, not the [0] of a
 * SignerInfo) and accepts exactly the form signCmsDetached produces: contentType, signingTime and
 * messageDigest, one value each, nothing else, in DER. The check is a re-encoding of the values
 * read compared byte for byte with the input, so any extra attribute, other order, BER length or
 * trailing byte is refused. Bytes from the network: whatever fails to read is a PkiError here,
 * never another error.
 */
export function readSignedAttributes(der: Uint8Array): SignedAttributeValues {
  try {
    return read(der);
  } catch (error) {
    if (error instanceof PkiError) throw error;
    throw new PkiError("invalid_der", "signed attributes: unreadable");
  }
}

function read(der: Uint8Array): SignedAttributeValues {
  const refuse = (why: string): never => {
    throw new PkiError("invalid_der", `signed attributes: ${why}`);
  };
  if (der.length === 0 || der[0] !== SET) refuse("not a SET");
  const outer = new DerReader(der);
  let attributes: ReturnType<typeof readAttributes> = [];
  try {
    attributes = readAttributes(outer.read(SET));
    outer.end();
  } catch {
    refuse("not one DER SET");
  }
  const one = (type: string) => {
    const found = attributes.filter((a) => a.type === type);
    if (found.length !== 1 || found[0]!.values.length !== 1) refuse(`${type} must appear once with one value`);
    return found[0]!.values[0]!;
  };
  if (attributes.length !== 3) refuse("exactly contentType, signingTime and messageDigest");
  const contentType = one(OID.attrContentType);
  const messageDigest = one(OID.attrMessageDigest);
  const signingTime = one(OID.attrSigningTime);
  if (contentType[0] !== DER_TAG.oid) refuse("contentType is not an OID");
  if (messageDigest[0] !== DER_TAG.octetString) refuse("messageDigest is not an OCTET STRING");
  if (signingTime[0] !== UTC_TIME && signingTime[0] !== GENERALIZED_TIME) refuse("signingTime is not a time");
  const time = asn1js.fromBER(Uint8Array.from(signingTime).buffer).result;
  const values: SignedAttributeValues = {
    contentType: decodeOid(new DerReader(contentType).read(DER_TAG.oid)),
    messageDigest: Uint8Array.from(new DerReader(messageDigest).read(DER_TAG.octetString)),
    signingTime: time instanceof asn1js.UTCTime || time instanceof asn1js.GeneralizedTime ? time.toDate() : new Date(NaN),
  };
  if (Number.isNaN(values.signingTime.getTime())) refuse("signingTime is not a valid time");
  if (!equalBytes(encodeSignedAttributes(values), der)) refuse("not in the DER form this desk signs");
  return values;
}
