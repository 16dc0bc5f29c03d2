import { randomBytes } from "node:crypto";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password-hash";
import { openSecret, sealSecret } from "@/lib/db/seal";

/**
 * A rotation staged by a PIN change, reset or unlock and not yet confirmed by the phone: the new
 * verifier, the new wrapping key W' and the refreshed server share d2' = d2·ρ⁻¹ (hex). It lives in
 * the same sealed blob as the current secret; the current PIN, W and d2 keep working until the
 * phone confirms it has stored d1' = d1·ρ under W' (confirm-pin-rotation.ts).
 */
export type PendingRotation = {
  verifier: string;
  wrapKey: string;
  d2: string;
  /** Set when a recovered encryption share is being installed on a new phone (install-recovered-share.ts). */
  recoveryId?: string;
};

/**
 * What KeyShare.pinVerifier holds, sealed under the KEK: the argon2id verifier of the PIN and the
 * wrapping key W that encrypts the phone's share d1, plus at most one pending rotation. W is
 * released only after the PIN verifies, so the phone's storage alone cannot sign; the verifier is
 * sealed, so a copy of the database alone cannot even start guessing PINs offline. The associated
 * data binds the blob to its key share.
 */
export type PinSecret = { verifier: string; wrapKey: string; pending?: PendingRotation };

const aad = (keyShareId: string) => `keyshare-pin:${keyShareId}`;

export function newWrapKey(): string {
  return randomBytes(32).toString("base64url");
}

export async function makePinSecret(pin: string, wrapKey: string): Promise<PinSecret> {
  return { verifier: await hashPassword(pin), wrapKey };
}

/** The verifier alone, for a rotation that sets a new PIN (argon2id, tens of milliseconds). */
export function makePinVerifier(pin: string): Promise<string> {
  return hashPassword(pin);
}

export function sealPinSecret(keyShareId: string, secret: PinSecret): string {
  return sealSecret(new TextEncoder().encode(JSON.stringify(secret)), aad(keyShareId));
}

export function openPinSecret(keyShareId: string, sealed: string): PinSecret {
  return JSON.parse(new TextDecoder().decode(openSecret(sealed, aad(keyShareId)))) as PinSecret;
}

export function pinMatches(secret: { verifier: string }, pin: string): Promise<boolean> {
  return verifyPassword(secret.verifier, pin);
}
