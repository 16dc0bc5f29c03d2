import { env } from "@/lib/env";
import { keyedHash } from "@/lib/db/keyed-hash";

// The face link's token is an HMAC of the check id under the server key: unguessable, yet the desk
// can show the same QR again after a reload without storing the token (only its hash is stored).
export function faceToken(checkId: string): string {
  return keyedHash("face-link-token", checkId).slice(0, 32);
}

export function faceTokenHash(token: string): string {
  return keyedHash("face-link", token);
}

export function faceUrl(checkId: string): string {
  return new URL(`/m/face/${faceToken(checkId)}`, env().APP_URL).toString();
}

export function depositCodeHash(checkId: string, code: string): string {
  return keyedHash("deposit-code", checkId, code);
}
