// SM2 digital signatures (GB/T 32918.2-2016). This module is the import point for the rest of the
// app: curve, digest and DER helpers are re-exported from here.
//
// Nonces are fresh CSPRNG scalars for every signature (not RFC 6979): the joint two-party signature
// cannot be deterministic anyway, and one rule for both paths is easier to audit.
import { bytesToBigInt } from "./encoding";
import { PkiError } from "./errors";
import {
  SM2_N,
  invN,
  modN,
  pointFromBytes,
  pointToBytes,
  privateKeyToScalar,
  randomScalar,
  scalarToBytes,
  sm2Point,
} from "./sm2-curve";
import { sm2Digest } from "./sm2-digest";
import { verifyingPoint } from "./sm2-verify-key";
import { decodeSignatureDer, encodeSignatureDer } from "./sm2-signature-der";

export { SM2_N, sm2Point } from "./sm2-curve";
export { SM2_DEFAULT_ID, computeZ, sm2Digest } from "./sm2-digest";
export { decodeSignatureDer, encodeSignatureDer } from "./sm2-signature-der";

export interface Sm2KeyPair {
  privateKey: Uint8Array;
  publicKey: Uint8Array;
}

export function generateKeyPair(): Sm2KeyPair {
  const d = randomScalar(SM2_N - 2n);
  return { privateKey: scalarToBytes(d), publicKey: pointToBytes(sm2Point.BASE.multiply(d)) };
}

export function getPublicKey(privateKey: Uint8Array): Uint8Array {
  return pointToBytes(sm2Point.BASE.multiply(privateKeyToScalar(privateKey)));
}

export function isValidPublicKey(bytes: Uint8Array): boolean {
  try {
    pointFromBytes(bytes);
    return true;
  } catch {
    return false;
  }
}

function digestToScalar(e: Uint8Array): bigint {
  if (!(e instanceof Uint8Array) || e.length !== 32) {
    throw new PkiError("invalid_message", "SM2 digest must be 32 bytes");
  }
  return bytesToBigInt(e);
}

/** Signs a precomputed e = SM3(Z || M). Returns DER. */
export function signDigest(e: Uint8Array, privateKey: Uint8Array): Uint8Array {
  const d = privateKeyToScalar(privateKey);
  const eN = digestToScalar(e);
  // (1+d)^-1 through a random multiplier: the inversion is not constant-time, so it never sees d.
  const blind = randomScalar();
  const inv1d = modN(invN(modN((1n + d) * blind)) * blind);
  for (;;) {
    const k = randomScalar();
    const x1 = sm2Point.BASE.multiply(k).x;
    const r = modN(eN + x1);
    if (r === 0n || r + k === SM2_N) continue;
    const s = modN(inv1d * modN(k - r * d));
    if (s === 0n) continue;
    return encodeSignatureDer(r, s);
  }
}

/** Returns false (never throws) for any malformed or non-matching input. */
export function verifyDigest(signature: Uint8Array, e: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    const { r, s } = decodeSignatureDer(signature);
    if (r < 1n || r >= SM2_N || s < 1n || s >= SM2_N) return false;
    const t = modN(r + s);
    if (t === 0n) return false;
    const P = verifyingPoint(publicKey);
    const X = sm2Point.BASE.multiplyUnsafe(s).add(P.multiplyUnsafe(t));
    if (X.is0()) return false;
    return modN(digestToScalar(e) + X.x) === r;
  } catch {
    return false;
  }
}

export interface Sm2SignOptions {
  id?: Uint8Array | string;
  /** Saves one scalar multiplication when the caller already knows the public key. */
  publicKey?: Uint8Array;
}

export function sign(message: Uint8Array, privateKey: Uint8Array, opts: Sm2SignOptions = {}): Uint8Array {
  const publicKey = opts.publicKey ?? getPublicKey(privateKey);
  return signDigest(sm2Digest(message, publicKey, opts.id), privateKey);
}

export function verify(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
  opts: { id?: Uint8Array | string } = {},
): boolean {
  try {
    return verifyDigest(signature, sm2Digest(message, publicKey, opts.id), publicKey);
  } catch {
    return false;
  }
}
