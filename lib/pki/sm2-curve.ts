// The SM2 curve (GB/T 32918.5-2017) on noble's generic short-Weierstrass code, plus the scalar and
// point conversions the rest of lib/pki shares.
import { weierstrass } from "@noble/curves/abstract/weierstrass.js";
import { randomBytes } from "@noble/hashes/utils.js";
import { bigIntToBytes, bytesToBigInt, hexToBytes } from "./encoding";
import { PkiError } from "./errors";

const CURVE = {
  p: 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn,
  a: 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn,
  b: 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n,
  n: 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n,
  h: 1n,
  Gx: 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n,
  Gy: 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n,
} as const;

export const sm2Point = weierstrass<bigint>(CURVE);
export type Sm2Point = InstanceType<typeof sm2Point>;

export const SM2_N = CURVE.n;

// Window 8 instead of noble's default 6: every signature, key and T-share multiplies G, and the
// larger table (~6k points, built on first use) roughly halves the additions per k·G.
sm2Point.BASE.precompute(8);

/** a, b, Gx, Gy as 32-byte strings: the fixed part of the Z value. */
export const SM2_CURVE_BYTES = hexToBytes(
  [CURVE.a, CURVE.b, CURVE.Gx, CURVE.Gy].map((v) => v.toString(16).padStart(64, "0")).join(""),
);

export const modN = (a: bigint): bigint => {
  const r = a % SM2_N;
  return r < 0n ? r + SM2_N : r;
};

export const invN = (a: bigint): bigint => sm2Point.Fn.inv(a);

/**
 * Uniform scalar in [1, max]: 64 extra random bits make the modulo bias negligible (2^-64),
 * the same rule as FIPS 186-5 A.2.1.
 */
export function randomScalar(max: bigint = SM2_N - 1n): bigint {
  return (bytesToBigInt(randomBytes(40)) % max) + 1n;
}

/** SM2 private keys live in [1, n-2]: d = n-1 would make (1+d) non-invertible in signing. */
export function privateKeyToScalar(privateKey: Uint8Array): bigint {
  if (!(privateKey instanceof Uint8Array) || privateKey.length !== 32) {
    throw new PkiError("invalid_key", "SM2 private key must be 32 bytes");
  }
  const d = bytesToBigInt(privateKey);
  if (d < 1n || d > SM2_N - 2n) throw new PkiError("invalid_key", "SM2 private key out of range");
  return d;
}

export function scalarToBytes(k: bigint): Uint8Array {
  return bigIntToBytes(k, 32);
}

/** Decodes a SEC1 point (65-byte uncompressed or 33-byte compressed), on curve and not infinity. */
export function pointFromBytes(bytes: Uint8Array): Sm2Point {
  if (!(bytes instanceof Uint8Array) || (bytes.length !== 65 && bytes.length !== 33)) {
    throw new PkiError("invalid_point", "SM2 point must be 65 (uncompressed) or 33 (compressed) bytes");
  }
  try {
    // noble's fromBytes runs assertValidity (on curve); infinity has no encoding on this curve.
    return sm2Point.fromBytes(bytes);
  } catch {
    throw new PkiError("invalid_point", "not a point on the SM2 curve");
  }
}

export function pointToBytes(point: Sm2Point): Uint8Array {
  return point.toBytes(false);
}
