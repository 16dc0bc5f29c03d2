// e = SM3(Z || M), Z = SM3(ENTL || ID || a || b || Gx || Gy || xA || yA) (GB/T 32918.2 §5.5).
import { bytesToHex, toBytes } from "./encoding";
import { PkiError } from "./errors";
import { SM2_CURVE_BYTES, pointFromBytes } from "./sm2-curve";
import { sm3 } from "./sm3";

/** GM/T 0009 default signer ID; OpenSSL needs `-pkeyopt distid:1234567812345678` to match it. */
export const SM2_DEFAULT_ID = "1234567812345678";

const DEFAULT_ID_BYTES = toBytes(SM2_DEFAULT_ID);

function zPrefix(id: Uint8Array) {
  // ENTL is the ID length in bits as two bytes, so IDs stop at 8191 bytes.
  if (id.length > 8191) throw new PkiError("invalid_message", "SM2 ID longer than 8191 bytes");
  const bits = id.length * 8;
  return sm3.create().update(Uint8Array.of(bits >> 8, bits & 0xff)).update(id).update(SM2_CURVE_BYTES);
}

// Hash state after everything but the key, for the default ID: saves four SM3 blocks per Z.
const DEFAULT_PREFIX = zPrefix(DEFAULT_ID_BYTES);

function publicKeyXY(publicKey: Uint8Array): Uint8Array {
  if (publicKey.length === 65 && publicKey[0] === 0x04) {
    pointFromBytes(publicKey);
    return publicKey.subarray(1);
  }
  return pointFromBytes(publicKey).toBytes(false).subarray(1);
}

// Z for the default ID by public key: a CA's key signs every certificate, CRL and OCSP answer, and a
// holder's key signs and verifies every scan, each time with the same Z. A pure function of the
// key, kept for the keys seen last (the key's validation included: a cached key was valid).
const MAX_Z = 256;
const zOfKey = new Map<string, Uint8Array>();

export function computeZ(publicKey: Uint8Array, id: Uint8Array | string = SM2_DEFAULT_ID): Uint8Array {
  const idBytes = toBytes(id);
  const isDefault = idBytes.length === DEFAULT_ID_BYTES.length && idBytes.every((b, i) => b === DEFAULT_ID_BYTES[i]);
  if (!isDefault) return zPrefix(idBytes).update(publicKeyXY(publicKey)).digest();
  const key = bytesToHex(publicKey);
  const known = zOfKey.get(key);
  if (known) return known.slice();
  const z = DEFAULT_PREFIX.clone().update(publicKeyXY(publicKey)).digest();
  if (zOfKey.size >= MAX_Z) zOfKey.delete(zOfKey.keys().next().value!);
  zOfKey.set(key, z.slice());
  return z;
}

export function sm2Digest(message: Uint8Array, publicKey: Uint8Array, id?: Uint8Array | string): Uint8Array {
  return sm3.create().update(computeZ(publicKey, id)).update(message).digest();
}
