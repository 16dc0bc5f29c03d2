// Conversions and checks shared by both halves of the two-party protocol.
import type { z } from "zod";
import { randomBytes } from "@noble/hashes/utils.js";
import { bytesToHex } from "../encoding";
import { PkiError } from "../errors";
import { SM2_N, type Sm2Point, invN, modN, randomScalar, sm2Point } from "../sm2-curve";

// A nonce carries the time it was made: 6 bytes of milliseconds since the epoch (big-endian, good
// until the year 10889), then 10 random bytes. The server refuses a nonce whose time is far from its
// clock, so it only has to remember the nonces of a short window and may forget older ones.
const NONCE_TIME_BYTES = 6;

export function newNonce(nowMs: number = Date.now()): string {
  const nonce = randomBytes(16);
  let t = Math.floor(nowMs);
  for (let i = NONCE_TIME_BYTES - 1; i >= 0; i--) {
    nonce[i] = t % 256;
    t = Math.floor(t / 256);
  }
  return bytesToHex(nonce);
}

/** The milliseconds since the epoch a nonce says it was made at (the nonce is 32 hex characters). */
export function nonceTimeMs(nonce: string): number {
  if (!/^[0-9a-f]{32}$/.test(nonce)) throw new PkiError("invalid_message", "expected a 16-byte nonce in hex");
  return Number.parseInt(nonce.slice(0, NONCE_TIME_BYTES * 2), 16);
}

export function newKeyId(): string {
  return bytesToHex(randomBytes(16));
}

/** Parses with the message's schema, turning zod's error into the library's own. */
export function parseMessage<S extends z.ZodType>(schema: S, message: unknown): z.infer<S> {
  const result = schema.safeParse(message);
  if (!result.success) {
    throw new PkiError("invalid_message", `malformed two-party message: ${result.error.issues[0]?.message ?? ""}`);
  }
  return result.data;
}

/** The response must answer this very request: same key, same nonce. */
export function assertAnswers(request: { keyId: string; nonce: string }, response: { keyId: string; nonce: string }) {
  if (response.keyId !== request.keyId || response.nonce !== request.nonce) {
    throw new PkiError("invalid_message", "two-party response does not answer this request");
  }
}

/** A key share or nonce share: 32 bytes, in [1, n-1]. */
export function shareToScalar(share: Uint8Array): bigint {
  if (!(share instanceof Uint8Array) || share.length !== 32) {
    throw new PkiError("invalid_key", "key share must be 32 bytes");
  }
  let value = 0n;
  for (const byte of share) value = (value << 8n) | BigInt(byte);
  if (value < 1n || value >= SM2_N) throw new PkiError("invalid_key", "key share out of range");
  return value;
}

/** x^-1 mod n through a random multiplier, so the variable-time inversion never sees x itself. */
export function blindedInverse(x: bigint): bigint {
  const blind = randomScalar();
  return modN(invN(modN(x * blind)) * blind);
}

export function scalarToHex(x: bigint): string {
  return x.toString(16).padStart(64, "0");
}

export function hexToScalar(hex: string): bigint {
  return BigInt("0x" + hex);
}

export function pointToHex(point: Sm2Point): string {
  return point.toHex(false);
}

/** Decodes and validates a point from a message (on curve; infinity has no encoding). */
export function hexToPoint(hex: string, name: string): Sm2Point {
  try {
    return sm2Point.fromHex(hex);
  } catch {
    throw new PkiError("invalid_point", `${name} is not a point on the SM2 curve`);
  }
}
