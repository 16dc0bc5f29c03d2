import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { verifyPassword } from "@/lib/server/auth/password-hash";
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
 * What KeyShare.pinVerifier holds, sealed under the KEK: the verifier of the PIN and the
 * wrapping key W that encrypts the phone's share d1, plus at most one pending rotation. W is
 * released only after the PIN verifies, so the phone's storage alone cannot sign; the verifier is
 * sealed, so a copy of the database alone cannot even start guessing PINs offline. The associated
 * data binds the blob to its key share.
 *
 * The verifier is a salted HMAC-SHA256 of the PIN (`pin-hmac1$salt$mac`), not a slow hash: it sits
 * in the same sealed blob as W, the thing the PIN releases, so whoever can open the blob (the KEK)
 * has W without any PIN, and a slow hash in there would protect nothing (it cost ≈ 25 ms of CPU on
 * every scan). What guards the PIN is the seal and the five-try lock. Verifiers written before this
 * (argon2id, `$argon2id$…`) still verify, and verifyPin replaces one with the new form the first
 * time its PIN is entered right.
 */
export type PinSecret = { verifier: string; wrapKey: string; pending?: PendingRotation };

const aad = (keyShareId: string) => `keyshare-pin:${keyShareId}`;

export function newWrapKey(): string {
  return randomBytes(32).toString("base64url");
}

const VERIFIER_PREFIX = "pin-hmac1$";

function pinMac(salt: Buffer, pin: string): Buffer {
  return createHmac("sha256", salt).update(pin, "utf8").digest();
}

function newPinVerifier(pin: string): string {
  const salt = randomBytes(16);
  return `${VERIFIER_PREFIX}${salt.toString("base64url")}$${pinMac(salt, pin).toString("base64url")}`;
}

export async function makePinSecret(pin: string, wrapKey: string): Promise<PinSecret> {
  return { verifier: newPinVerifier(pin), wrapKey };
}

/** The verifier alone, for a rotation that sets a new PIN. */
export async function makePinVerifier(pin: string): Promise<string> {
  return newPinVerifier(pin);
}

/** A verifier of the earlier form (argon2id): verifyPin replaces it once its PIN is entered right. */
export function isLegacyPinVerifier(verifier: string): boolean {
  return !verifier.startsWith(VERIFIER_PREFIX);
}

/** The current form of a verifier whose PIN was just entered right (same PIN, fresh salt). */
export function upgradedPinVerifier(pin: string): string {
  return newPinVerifier(pin);
}

export function sealPinSecret(keyShareId: string, secret: PinSecret): string {
  return sealSecret(new TextEncoder().encode(JSON.stringify(secret)), aad(keyShareId));
}

export function openPinSecret(keyShareId: string, sealed: string): PinSecret {
  return JSON.parse(new TextDecoder().decode(openSecret(sealed, aad(keyShareId)))) as PinSecret;
}

export async function pinMatches(secret: { verifier: string }, pin: string): Promise<boolean> {
  if (isLegacyPinVerifier(secret.verifier)) return verifyPassword(secret.verifier, pin);
  const [salt, mac] = secret.verifier.slice(VERIFIER_PREFIX.length).split("$");
  if (!salt || !mac) return false;
  const expected = Buffer.from(mac, "base64url");
  const actual = pinMac(Buffer.from(salt, "base64url"), pin);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
