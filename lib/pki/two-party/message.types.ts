// Building blocks of the two-party messages that cross HTTP. Everything is lowercase hex so a
// message has one spelling (the nonce is compared as a string when the server refuses replays).
import { z } from "zod";

export const TWO_PARTY_VERSION = 1;

export const ZHexPointSchema = z.string().regex(/^04[0-9a-f]{128}$/, "expected an uncompressed SM2 point in hex");
export const ZHexScalarSchema = z.string().regex(/^[0-9a-f]{64}$/, "expected 32 bytes in hex");
/** 6 bytes of milliseconds since the epoch (big-endian), then 10 random bytes: see newNonce. */
export const ZNonceSchema = z.string().regex(/^[0-9a-f]{32}$/, "expected a 16-byte nonce in hex");
export const ZKeyIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "expected a key id");

/** Fields every message carries: version, which key, and the request's one-time nonce. */
export const ZEnvelopeSchema = z.strictObject({
  v: z.literal(TWO_PARTY_VERSION),
  keyId: ZKeyIdSchema,
  nonce: ZNonceSchema,
});
