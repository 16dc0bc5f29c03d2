import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { OID } from "@/lib/pki/oids";
import { toArrayBuffer } from "@/lib/pki/asn1/buffers";
import { truncateToSeconds } from "@/lib/pki/asn1/time";

/** DER SET OF order (X.690 11.6): by encoded bytes, a shorter encoding first when it is a prefix. */
function compareDer(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return a.length - b.length;
}

/**
 * contentType, signingTime and messageDigest (RFC 5652 11.1-11.3), sorted into DER SET order. pkijs
 * neither adds messageDigest nor sorts, and a verifier re-encoding the SET in DER would otherwise
 * hash different bytes from the ones we signed.
 */
export function buildSignedAttributes(opts: { contentType: string; messageDigest: Uint8Array; signingTime: Date }): pkijs.Attribute[] {
  const time = truncateToSeconds(opts.signingTime);
  // RFC 5652 11.3: UTCTime for 1950-2049, GeneralizedTime otherwise.
  const timeValue = time.getUTCFullYear() < 2050 ? new asn1js.UTCTime({ valueDate: time }) : new asn1js.GeneralizedTime({ valueDate: time });
  const attributes = [
    new pkijs.Attribute({ type: OID.attrContentType, values: [new asn1js.ObjectIdentifier({ value: opts.contentType })] }),
    new pkijs.Attribute({ type: OID.attrSigningTime, values: [timeValue] }),
    new pkijs.Attribute({ type: OID.attrMessageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(opts.messageDigest) })] }),
  ];
  const encoded = attributes.map((attribute) => ({ attribute, der: new Uint8Array(attribute.toSchema().toBER(false)) }));
  return encoded.sort((a, b) => compareDer(a.der, b.der)).map((e) => e.attribute);
}

/**
 * The bytes the signature covers: the signed attributes as received, re-tagged from [0] IMPLICIT
 * to a universal SET (RFC 5652 5.4). Using the received bytes, not a re-encoding, is what makes
 * verification independent of how pkijs would encode them.
 */
export function signedAttributesSignedBytes(signedAttrs: pkijs.SignedAndUnsignedAttributes): Uint8Array<ArrayBuffer> {
  const encoded = signedAttrs.encodedValue.byteLength ? signedAttrs.encodedValue : signedAttrs.toSchema().toBER(false);
  const copy = new Uint8Array(encoded.slice(0));
  copy[0] = 0x31;
  return copy;
}

/** Values of one attribute type among signed attributes (RFC 5652 requires exactly one value each). */
export function attributeValues(signedAttrs: pkijs.SignedAndUnsignedAttributes, type: string): asn1js.AsnType[][] {
  return signedAttrs.attributes.filter((a) => a.type === type).map((a) => a.values as asn1js.AsnType[]);
}
