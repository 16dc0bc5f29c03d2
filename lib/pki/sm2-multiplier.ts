// x(k·Q) for the variable-base multiplication of the server half of a joint signature. JavaScript
// (noble, constant-time) by default, which is what the phone's browser runs; a server process
// installs OpenSSL's through sm2-native-mul.ts (node:crypto, so never imported by browser code).
import type { Sm2Point } from "./sm2-curve";

export type MultiplyX = (k: bigint, Q: Sm2Point) => bigint;

const javascript: MultiplyX = (k, Q) => Q.multiply(k).toAffine().x;

let current: { name: "javascript" | "openssl"; multiplyX: MultiplyX } = { name: "javascript", multiplyX: javascript };

/** x(k·Q) for 1 ≤ k < n and Q not infinity (then k·Q is not infinity: the group has prime order). */
export function multiplyX(k: bigint, Q: Sm2Point): bigint {
  return current.multiplyX(k, Q);
}

/** Which multiplication multiplyX uses in this process. */
export function multiplierName(): "javascript" | "openssl" {
  return current.name;
}

/** Installs a multiplication (OpenSSL's), or with null goes back to JavaScript's. */
export function installMultiplyX(multiplier: { name: "openssl"; multiplyX: MultiplyX } | null): void {
  current = multiplier ?? { name: "javascript", multiplyX: javascript };
}
