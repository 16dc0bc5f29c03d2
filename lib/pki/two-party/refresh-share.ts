// Share refresh (proactive re-randomisation) of a two-party key: the phone multiplies its share by
// ρ, the server by ρ⁻¹. The product d1·d2 — hence the joint key d = (d1·d2)⁻¹ − 1 and its public
// key — is unchanged, so certificates stay valid, while an old d1 no longer pairs with the new d2.
import { PkiError } from "../errors";
import { modN, randomScalar, scalarToBytes } from "../sm2-curve";
import { blindedInverse, hexToScalar, scalarToHex, shareToScalar } from "./two-party-math";

/** Server: a fresh refresh factor ρ in [1, n−1], as 64 hex digits (what the phone is sent). */
export function newRefreshFactor(): string {
  return scalarToHex(randomScalar());
}

function factorToScalar(rho: string): bigint {
  if (!/^[0-9a-f]{64}$/.test(rho)) throw new PkiError("invalid_key", "refresh factor must be 64 hex digits");
  // shareToScalar checks 1 ≤ ρ < n.
  return shareToScalar(scalarToBytes(hexToScalar(rho)));
}

/** Phone: d1' = d1·ρ mod n. */
export function refreshPhoneShare(d1: Uint8Array, rho: string): Uint8Array {
  return scalarToBytes(modN(shareToScalar(d1) * factorToScalar(rho)));
}

/** Server: d2' = d2·ρ⁻¹ mod n (the inversion blinded, like every inversion of a secret here). */
export function refreshServerShare(d2: Uint8Array, rho: string): Uint8Array {
  return scalarToBytes(modN(shareToScalar(d2) * blindedInverse(factorToScalar(rho))));
}
