import { randomBytes } from "node:crypto";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password-hash";
import { openSecret, sealSecret } from "@/lib/server/security/seal";

/**
 * What KeyShare.pinVerifier holds, sealed under the KEK: the argon2id verifier of the PIN and the
 * wrapping key W that encrypts the phone's share d1. W is released only after the PIN verifies, so
 * the phone's storage alone cannot sign; the verifier is sealed, so a copy of the database alone
 * cannot even start guessing PINs offline. The associated data binds the blob to its key share.
 */
export type PinSecret = { verifier: string; wrapKey: string };

const aad = (keyShareId: string) => `keyshare-pin:${keyShareId}`;

export function newWrapKey(): string {
  return randomBytes(32).toString("base64url");
}

export async function makePinSecret(pin: string, wrapKey: string): Promise<PinSecret> {
  return { verifier: await hashPassword(pin), wrapKey };
}

export function sealPinSecret(keyShareId: string, secret: PinSecret): string {
  return sealSecret(new TextEncoder().encode(JSON.stringify(secret)), aad(keyShareId));
}

export function openPinSecret(keyShareId: string, sealed: string): PinSecret {
  return JSON.parse(new TextDecoder().decode(openSecret(sealed, aad(keyShareId)))) as PinSecret;
}

export function pinMatches(secret: PinSecret, pin: string): Promise<boolean> {
  return verifyPassword(secret.verifier, pin);
}
