import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { OID } from "@/lib/pki/oids";
import { PkiError } from "@/lib/pki/errors";
import { equalBytes } from "@/lib/pki/encoding";
import { toArrayBuffer } from "@/lib/pki/asn1/buffers";
import { buildSignedAttributes } from "./signed-attributes";

export type SignedAttributeValues = { contentType: string; messageDigest: Uint8Array; signingTime: Date };

/** The DER SET OF Attribute that a CMS signature covers (RFC 5652 5.4), as signCmsDetached builds it. */
export function encodeSignedAttributes(values: SignedAttributeValues): Uint8Array {
  const attributes = buildSignedAttributes(values);
  return new Uint8Array(new asn1js.Set({ value: attributes.map((a) => a.toSchema()) }).toBER(false));
}

/**
 * Reads the signed attributes a signer is about to sign (the universal SET, not the [0] of a
 * SignerInfo) and accepts exactly the form signCmsDetached produces: contentType, signingTime and
 * messageDigest, one value each, nothing else, in DER. The check is a re-encoding of the values
 * read compared byte for byte with the input, so any extra attribute, other order, BER length or
 * trailing byte is refused. Bytes from the network: whatever asn1js or pkijs throws on them is a
 * PkiError here, never another error.
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
  if (der.length === 0 || der[0] !== 0x31) refuse("not a SET");
  const parsed = asn1js.fromBER(toArrayBuffer(der));
  if (parsed.offset === -1 || parsed.offset !== der.length || !(parsed.result instanceof asn1js.Set)) refuse("not one DER SET");
  const attributes = (parsed.result as asn1js.Set).valueBlock.value.map((schema) => new pkijs.Attribute({ schema }));
  const one = (type: string) => {
    const found = attributes.filter((a) => a.type === type);
    if (found.length !== 1 || found[0]!.values.length !== 1) refuse(`${type} must appear once with one value`);
    return found[0]!.values[0] as asn1js.AsnType;
  };
  if (attributes.length !== 3) refuse("exactly contentType, signingTime and messageDigest");
  const contentType = one(OID.attrContentType);
  const messageDigest = one(OID.attrMessageDigest);
  const signingTime = one(OID.attrSigningTime);
  if (!(contentType instanceof asn1js.ObjectIdentifier)) refuse("contentType is not an OID");
  if (!(messageDigest instanceof asn1js.OctetString)) refuse("messageDigest is not an OCTET STRING");
  if (!(signingTime instanceof asn1js.UTCTime || signingTime instanceof asn1js.GeneralizedTime)) refuse("signingTime is not a time");
  const values: SignedAttributeValues = {
    contentType: (contentType as asn1js.ObjectIdentifier).valueBlock.toString(),
    messageDigest: new Uint8Array((messageDigest as asn1js.OctetString).valueBlock.valueHexView),
    signingTime: (signingTime as asn1js.UTCTime).toDate(),
  };
  if (Number.isNaN(values.signingTime.getTime())) refuse("signingTime is not a valid time");
  if (!equalBytes(encodeSignedAttributes(values), der)) refuse("not in the DER form this desk signs");
  return values;
}
