// Shamir's secret sharing over GF(n), n the SM2 group order, for the key-management key's private
// scalar: any `threshold` of `total` custodians reconstruct it, fewer learn nothing about it.
import { PkiError } from "../errors";
import { invN, modN, randomScalar } from "../sm2-curve";

export type ShamirShare = { x: number; y: bigint };

export function splitSecret(secret: bigint, threshold: number, total: number): ShamirShare[] {
  if (!Number.isInteger(threshold) || !Number.isInteger(total) || threshold < 1 || total < threshold || total > 255) {
    throw new PkiError("invalid_message", "need 1 ≤ threshold ≤ total ≤ 255");
  }
  // f(x) = secret + a1·x + … + a(t−1)·x^(t−1); share i is (i, f(i)).
  const coefficients = [modN(secret), ...Array.from({ length: threshold - 1 }, () => randomScalar())];
  const shares: ShamirShare[] = [];
  for (let x = 1; x <= total; x++) {
    let y = 0n;
    for (let i = coefficients.length - 1; i >= 0; i--) y = modN(y * BigInt(x) + coefficients[i]);
    shares.push({ x, y });
  }
  coefficients.fill(0n);
  return shares;
}

/** Lagrange interpolation at 0. Shares must have distinct x; the caller checks the result (k·G = K). */
export function combineShares(shares: ShamirShare[]): bigint {
  const xs = new Set(shares.map((s) => s.x));
  if (shares.length === 0 || xs.size !== shares.length) throw new PkiError("invalid_message", "shares must be distinct");
  let secret = 0n;
  for (const { x: xi, y: yi } of shares) {
    let num = 1n;
    let den = 1n;
    for (const { x: xj } of shares) {
      if (xj === xi) continue;
      num = modN(num * BigInt(-xj));
      den = modN(den * BigInt(xi - xj));
    }
    secret = modN(secret + yi * num * invN(den));
  }
  return secret;
}
