// SubjectPublicKeyInfo for SM2 keys: id-ecPublicKey (1.2.840.10045.2.1) with the SM2 named curve
// (1.2.156.10197.1.301), as OpenSSL, GM/T 0015 certificates and pkijs expect.
import { DerReader, DER_TAG, derSequence, derTlv } from "./der";
import { equalBytes } from "./encoding";
import { PkiError } from "./errors";
import { pointFromBytes, pointToBytes } from "./sm2-curve";

const ID_EC_PUBLIC_KEY = Uint8Array.from([0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]);
const SM2_CURVE_OID = Uint8Array.from([0x06, 0x08, 0x2a, 0x81, 0x1c, 0xcf, 0x55, 0x01, 0x82, 0x2d]);

/** DER SPKI for a 65- or 33-byte SEC1 key; the key is always written uncompressed. */
export function encodeSpki(publicKey: Uint8Array): Uint8Array {
  const point = pointToBytes(pointFromBytes(publicKey));
  const bitString = new Uint8Array(point.length + 1);
  bitString.set(point, 1);
  return derSequence(derSequence(ID_EC_PUBLIC_KEY, SM2_CURVE_OID), derTlv(DER_TAG.bitString, bitString));
}

/** Returns the 65-byte uncompressed key; throws PkiError for other algorithms or bad points. */
export function decodeSpki(der: Uint8Array): Uint8Array {
  let bitString: Uint8Array;
  try {
    const outer = new DerReader(der);
    const spki = new DerReader(outer.read(DER_TAG.sequence));
    outer.end();
    const algorithm = new DerReader(spki.read(DER_TAG.sequence));
    const algorithmOid = derTlv(DER_TAG.oid, algorithm.read(DER_TAG.oid));
    const curveOid = derTlv(DER_TAG.oid, algorithm.read(DER_TAG.oid));
    algorithm.end();
    if (!equalBytes(algorithmOid, ID_EC_PUBLIC_KEY) || !equalBytes(curveOid, SM2_CURVE_OID)) {
      throw new PkiError("invalid_key", "SPKI is not an SM2 public key");
    }
    bitString = spki.read(DER_TAG.bitString);
    spki.end();
  } catch (error) {
    if (error instanceof PkiError && error.code === "invalid_key") throw error;
    throw new PkiError("invalid_key", `malformed SubjectPublicKeyInfo: ${(error as Error).message}`);
  }
  if (bitString.length < 2 || bitString[0] !== 0) throw new PkiError("invalid_key", "SPKI key has unused bits");
  return pointToBytes(pointFromBytes(bitString.subarray(1)));
}
