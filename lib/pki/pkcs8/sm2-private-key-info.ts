// PKCS#8 PrivateKeyInfo (RFC 5208 / 5958) for an SM2 key, in the shape OpenSSL 3 writes and reads:
// AlgorithmIdentifier id-ecPublicKey with the SM2 curve OID, and an RFC 5915 ECPrivateKey
// (version 1, the 32-byte scalar, no repeated parameters, the public key in [1]).
import * as asn1js from "asn1js";
import { toArrayBuffer } from "@/lib/pki/asn1/buffers";
import { parseDer } from "@/lib/pki/asn1/parse-der";
import { equalBytes } from "@/lib/pki/encoding";
import { PkiError } from "@/lib/pki/errors";
import { OID } from "@/lib/pki/oids";
import { getPublicKey } from "@/lib/pki/sm2";
import { pointToBytes, pointFromBytes, privateKeyToScalar } from "@/lib/pki/sm2-curve";

export interface Sm2PrivateKey {
  /** 32-byte scalar. */
  privateKey: Uint8Array;
  /** 65-byte uncompressed public key. */
  publicKey: Uint8Array;
}

function fail(message: string): never {
  throw new PkiError("invalid_key", `PKCS#8: ${message}`);
}

export function encodeSm2PrivateKeyInfo(privateKey: Uint8Array): Uint8Array {
  privateKeyToScalar(privateKey);
  const publicKey = getPublicKey(privateKey);
  const ecPrivateKey = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 1 }),
      new asn1js.OctetString({ valueHex: toArrayBuffer(privateKey) }),
      new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 1 },
        value: [new asn1js.BitString({ valueHex: toArrayBuffer(publicKey), unusedBits: 0 })],
      }),
    ],
  });
  const info = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 0 }),
      new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.ecPublicKey }), new asn1js.ObjectIdentifier({ value: OID.sm2Curve })] }),
      new asn1js.OctetString({ valueHex: ecPrivateKey.toBER(false) }),
    ],
  });
  return new Uint8Array(info.toBER(false));
}

function children(node: asn1js.AsnType, what: string): asn1js.AsnType[] {
  if (!(node instanceof asn1js.Sequence)) fail(`${what} is not a SEQUENCE`);
  return node.valueBlock.value;
}

function smallInteger(node: asn1js.AsnType | undefined, what: string): number {
  if (!(node instanceof asn1js.Integer)) fail(`${what} is not an INTEGER`);
  return node.valueBlock.valueDec;
}

function oid(node: asn1js.AsnType | undefined, what: string): string {
  if (!(node instanceof asn1js.ObjectIdentifier)) fail(`${what} is not an OBJECT IDENTIFIER`);
  return node.getValue();
}

function octets(node: asn1js.AsnType | undefined, what: string): Uint8Array {
  if (!(node instanceof asn1js.OctetString)) fail(`${what} is not an OCTET STRING`);
  return Uint8Array.from(node.valueBlock.valueHexView);
}

/**
 * Reads an SM2 PrivateKeyInfo. The public key, when present, must be the one the scalar gives:
 * a file whose halves disagree is refused rather than trusted either way.
 */
export function decodeSm2PrivateKeyInfo(der: Uint8Array): Sm2PrivateKey {
  const [version, algorithm, keyOctets] = children(parseDer(der, "PrivateKeyInfo"), "PrivateKeyInfo");
  if (smallInteger(version, "version") !== 0 && smallInteger(version, "version") !== 1) fail("unsupported version");
  const [algorithmOid, curve] = children(algorithm, "AlgorithmIdentifier");
  if (oid(algorithmOid, "key algorithm") !== OID.ecPublicKey) fail("not an EC key");
  if (oid(curve, "curve") !== OID.sm2Curve) fail("not an SM2 key (curve 1.2.156.10197.1.301)");

  const ecFields = children(parseDer(octets(keyOctets, "privateKey"), "ECPrivateKey"), "ECPrivateKey");
  if (smallInteger(ecFields[0], "ECPrivateKey version") !== 1) fail("ECPrivateKey version is not 1");
  const scalar = octets(ecFields[1], "ECPrivateKey privateKey");
  if (scalar.length !== 32) fail("SM2 private key must be 32 bytes");
  privateKeyToScalar(scalar);
  const publicKey = getPublicKey(scalar);
  for (const field of ecFields.slice(2)) {
    if (!(field instanceof asn1js.Constructed) || field.idBlock.tagClass !== 3) fail("unexpected ECPrivateKey field");
    const [inner] = field.valueBlock.value;
    if (field.idBlock.tagNumber === 0 && oid(inner, "ECPrivateKey parameters") !== OID.sm2Curve) fail("ECPrivateKey parameters are not the SM2 curve");
    if (field.idBlock.tagNumber === 1) {
      if (!(inner instanceof asn1js.BitString)) fail("ECPrivateKey publicKey is not a BIT STRING");
      const stated = pointToBytes(pointFromBytes(Uint8Array.from(inner.valueBlock.valueHexView)));
      if (!equalBytes(stated, publicKey)) fail("the stated public key does not belong to the private key");
    }
  }
  return { privateKey: scalar, publicKey };
}
