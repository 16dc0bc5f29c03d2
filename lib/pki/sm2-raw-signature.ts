// Signing devices (GM/T 0018 SDF_InternalSign_ECC, PKCS#11 C_Sign with CKM_SM2 over a precomputed
// digest) return an SM2 signature as r ‖ s, 32 bytes each. X.509, CRLs, OCSP and CMS need DER, and
// a device's answer is not trusted until it checks out: see signatureFromDevice.
import { bigIntToBytes, bytesToBigInt } from "./encoding";
import { PkiError } from "./errors";
import { SM2_N } from "./sm2-curve";
import { verifyDigest } from "./sm2";
import { decodeSignatureDer, encodeSignatureDer } from "./sm2-signature-der";

/** r ‖ s (64 bytes) → { r, s }, each required in [1, n−1]. */
export function splitRawSignature(raw: Uint8Array): { r: bigint; s: bigint } {
  if (!(raw instanceof Uint8Array) || raw.length !== 64) {
    throw new PkiError("invalid_signature", `device signature must be 64 bytes (r ‖ s), got ${raw?.length ?? "none"}`);
  }
  const r = bytesToBigInt(raw.subarray(0, 32));
  const s = bytesToBigInt(raw.subarray(32));
  if (r < 1n || r >= SM2_N) throw new PkiError("invalid_signature", "device signature r is outside [1, n-1]");
  if (s < 1n || s >= SM2_N) throw new PkiError("invalid_signature", "device signature s is outside [1, n-1]");
  return { r, s };
}

/** DER SEQUENCE { r, s } → r ‖ s, what a software device returns in a device's shape. */
export function derSignatureToRaw(der: Uint8Array): Uint8Array {
  const { r, s } = decodeSignatureDer(der);
  const raw = new Uint8Array(64);
  raw.set(bigIntToBytes(r, 32), 0);
  raw.set(bigIntToBytes(s, 32), 32);
  return raw;
}

/**
 * A device's r ‖ s over e, as DER, only once it verifies under the key's known public key: a
 * faulty device, a wrong key slot or a substituted device must never put a bad signature into a
 * certificate, CRL or OCSP answer. Throws PkiError("invalid_signature") otherwise. The public
 * key's multiplication table (sm2-verify-key.ts) makes the check cheap for a CA's key.
 */
export function signatureFromDevice(raw: Uint8Array, e: Uint8Array, publicKey: Uint8Array): Uint8Array {
  const { r, s } = splitRawSignature(raw);
  const der = encodeSignatureDer(r, s);
  if (!verifyDigest(der, e, publicKey)) {
    throw new PkiError("invalid_signature", "device signature does not verify under the key's public key");
  }
  return der;
}
