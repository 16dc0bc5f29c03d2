// The escrow holds the phone's share as it was at download, d1₀. Every share refresh (PIN change,
// reset, unlock: d1·ρ, d2·ρ⁻¹) moves the current share away from it, so the desk keeps the product
// R = Πρ, sealed, and the key-management centre recovers d1 = d1₀·R. The desk never needs ρ
// itself: ρ = d2·d2′⁻¹ from the server shares before and after.
import { modN, scalarToBytes } from "../sm2-curve";
import { blindedInverse, hexToScalar, scalarToHex, shareToScalar } from "../two-party/two-party-math";

/** R before any refresh. */
export const ESCROW_FACTOR_ONE = scalarToHex(1n);

/** R′ = R·d2·d2′⁻¹ mod n, after a refresh that replaced d2 by d2′. */
export function advanceEscrowFactor(factor: string, d2: Uint8Array, d2Next: Uint8Array): string {
  const rho = modN(shareToScalar(d2) * blindedInverse(shareToScalar(d2Next)));
  return scalarToHex(modN(hexToScalar(factor) * rho));
}

/** The current phone share d1 = d1₀·R mod n. */
export function applyEscrowFactor(d1Escrowed: Uint8Array, factor: string): Uint8Array {
  return scalarToBytes(modN(shareToScalar(d1Escrowed) * hexToScalar(factor)));
}
