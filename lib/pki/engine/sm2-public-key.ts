import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { OID } from "@/lib/pki/oids";
import { PkiError } from "@/lib/pki/errors";

/**
 * The 65-byte uncompressed SM2 point inside a pkijs PublicKeyInfo. Refuses anything that is not
 * id-ecPublicKey on the SM2 curve, so an ECDSA P-256 key can never be mistaken for an SM2 one.
 */
export function sm2PointFromPublicKeyInfo(spki: pkijs.PublicKeyInfo): Uint8Array {
  if (spki.algorithm.algorithmId !== OID.ecPublicKey) {
    throw new PkiError("invalid_key", `not an EC public key: ${spki.algorithm.algorithmId}`);
  }
  const params = spki.algorithm.algorithmParams as { valueBlock?: { toString(): string } } | undefined;
  const curve = params?.valueBlock?.toString();
  if (curve !== OID.sm2Curve) {
    throw new PkiError("invalid_key", `EC key is not on the SM2 curve: ${curve ?? "no parameters"}`);
  }
  const point = new Uint8Array(spki.subjectPublicKey.valueBlock.valueHexView);
  if (point.length !== 65 || point[0] !== 0x04) {
    throw new PkiError("invalid_key", "SM2 public key must be an uncompressed 65-byte point");
  }
  return point;
}

/** SubjectPublicKeyInfo for an SM2 point: id-ecPublicKey with the SM2 curve OID as parameters. */
export function sm2PublicKeyInfo(point: Uint8Array): pkijs.PublicKeyInfo {
  if (point.length !== 65 || point[0] !== 0x04) {
    throw new PkiError("invalid_key", "SM2 public key must be an uncompressed 65-byte point");
  }
  return new pkijs.PublicKeyInfo({
    algorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: OID.ecPublicKey,
      algorithmParams: new asn1js.ObjectIdentifier({ value: OID.sm2Curve }),
    }),
    subjectPublicKey: new asn1js.BitString({ valueHex: point.slice().buffer }),
  });
}
