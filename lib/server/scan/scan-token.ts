import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { keyedHash } from "@/lib/db/keyed-hash";
import { openSecret, sealSecret } from "@/lib/db/seal";

/** The QR carries a 144-bit random token (a URL any phone camera can open); the database keeps its keyed hash. */
export function newScanToken() {
  const token = randomBytes(18).toString("base64url");
  const tokenHash = scanTokenHash(token);
  return { token, tokenHash, tokenSealed: sealSecret(new TextEncoder().encode(token), scanTokenAad(tokenHash)), qrContent: scanQrContent(token) };
}

export const scanQrContent = (token: string) => `${env().APP_URL}/m/s/${token}`;

/** The purpose a waiting request's sealed token is bound to (rotate-kek re-wraps it with the same). */
export const scanTokenAad = (tokenHash: string) => `scan-token:${tokenHash}`;

/** The QR of a request still waiting for its scan, for the platform to show again (GET, events). */
export function openScanQrContent(row: { tokenHash: string; tokenSealed: string | null }): string | null {
  return row.tokenSealed ? scanQrContent(new TextDecoder().decode(openSecret(row.tokenSealed, scanTokenAad(row.tokenHash)))) : null;
}

export function scanTokenHash(token: string) {
  return keyedHash("scan-token", token);
}
