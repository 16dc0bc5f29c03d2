// Conversions and checks shared by both halves of the two-party protocol.
import type { z } from "zod";
import { randomBytes } from "@noble/hashes/utils.js";
import { bytesToHex } from "../encoding";
import { PkiError } from "../errors";
import { SM2_N, type Sm2Point, invN, modN, randomScalar, sm2Point } from "../sm2-curve";

export function newNonce(): string {
  return bytesToHex(randomBytes(16));
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
