import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/db/secrets";

// Short secrets (SMS codes, link tokens) are stored as an HMAC under a server key:
// a copy of the database alone cannot brute-force a 6-digit code offline.
export function keyedHash(...parts: string[]): string {
  return createHmac("sha256", authSecret()).update(parts.join("\u0000")).digest("base64url");
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
