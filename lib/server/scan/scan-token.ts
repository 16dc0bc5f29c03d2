import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { keyedHash } from "@/lib/db/keyed-hash";

/** The QR carries a 144-bit random token (a URL any phone camera can open); the database keeps its keyed hash. */
export function newScanToken() {
  const token = randomBytes(18).toString("base64url");
  return { token, tokenHash: scanTokenHash(token), qrContent: `${env().APP_URL}/m/s/${token}` };
}

export function scanTokenHash(token: string) {
  return keyedHash("scan-token", token);
}
