// The escrow envelope of an encryption-key share (GM/T 0015's dual certificates: encryption keys
// are recoverable, signing keys never). The phone encrypts its share d1 of the ENCRYPTION key to
// the key-management key (KMK) and names what the share belongs to in clear, so the desk can check
// the binding before it issues the encryption certificate without being able to open the share.
import { z } from "zod";
import { ZHexPointSchema, ZKeyIdSchema } from "../two-party/message.types";

export const ESCROW_VERSION = 1;

/** A KMK's id: the first 16 hex digits of SM3 over its uncompressed public key. */
export const ZKmkIdSchema = z.string().regex(/^[0-9a-f]{16}$/, "expected a 16-hex-digit key-management key id");

export const ZEscrowEnvelopeSchema = z.strictObject({
  v: z.literal(ESCROW_VERSION),
  kmkId: ZKmkIdSchema,
  orderId: z.string().min(1).max(64),
  signKeyShareId: ZKeyIdSchema,
  encryptKeyShareId: ZKeyIdSchema,
  /** The joint public key of the encryption key, as the certificate will carry it. */
  publicKey: ZHexPointSchema,
  /** The phone's public contribution P1 = d1⁻¹·G of this share (the desk checks it against d2). */
  P1: ZHexPointSchema,
  /** SM2 encryption to the KMK (C1C3C2, hex) of binding(32) ‖ d1(32). */
  ciphertext: z.string().regex(/^04[0-9a-f]{320}$/, "expected a 161-byte C1C3C2 SM2 ciphertext in hex"),
});
export type TEscrowEnvelope = z.infer<typeof ZEscrowEnvelopeSchema>;

/** The encryption share, re-encrypted by the key-management centre to a new phone's transport key. */
export const ZRecoveredShareSchema = z.strictObject({
  v: z.literal(ESCROW_VERSION),
  recoveryId: z.string().min(1).max(64),
  keyShareId: ZKeyIdSchema,
  publicKey: ZHexPointSchema,
  /** SM2 encryption to the transport key (C1C3C2, hex) of binding(32) ‖ d1(32). */
  ciphertext: z.string().regex(/^04[0-9a-f]{320}$/, "expected a 161-byte C1C3C2 SM2 ciphertext in hex"),
});
export type TRecoveredShare = z.infer<typeof ZRecoveredShareSchema>;
