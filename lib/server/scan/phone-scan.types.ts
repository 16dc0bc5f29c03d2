import { z } from "zod";
import { ZDecryptRequestSchema, ZSignRequestSchema } from "@/lib/pki/two-party";
import { ZPinSchema } from "@/lib/server/keys/keys.types";

const ZId = z.string().min(1).max(64);

// POST /api/m/scan/open — the token from the QR's URL (/m/s/<token>).
export const ZOpenScanSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "scanner.errors.badQr") });

/** How long a signing session may last (minutes), offered on the confirmation screen. */
export const SESSION_MINUTES = [15, 30, 60] as const;

// POST /api/m/scan/:id/sign — the server half of the joint signature for this request. The PIN is
// required unless the request belongs to an open signing session for the same certificate. For a
// document (sign request) the phone sends the CMS signed attributes it signs (DER SET, base64);
// the server checks them and computes e itself, for every type.
export const ZScanSignSchema = z.object({
  certificateId: ZId,
  pin: ZPinSchema.optional(),
  request: ZSignRequestSchema,
  signedAttributes: z.string().max(2048).regex(/^[A-Za-z0-9+/]+={0,2}$/, "base64").optional(),
  // The seal chosen on the confirmation (sign requests that offer seals); bound to this half.
  sealId: ZId.optional(),
});
export type TScanSign = z.infer<typeof ZScanSignSchema>;

// POST /api/m/scan/:id/decrypt — the server half of the joint decryption, always PIN-checked.
export const ZScanDecryptSchema = z.object({ certificateId: ZId, pin: ZPinSchema, request: ZDecryptRequestSchema });
export type TScanDecrypt = z.infer<typeof ZScanDecryptSchema>;

// POST /api/m/scan/:id/complete — the finished result; for a sign request optionally a session.
export const ZScanCompleteSchema = z.object({
  certificateId: ZId,
  result: z.object({
    signature: z.string().max(512).optional(),
    cms: z.string().max(65_536).optional(),
    plaintext: z.string().max(8192).optional(),
    sealId: ZId.optional(),
  }),
  session: z
    .object({
      minutes: z.number().refine((m) => (SESSION_MINUTES as readonly number[]).includes(m), "scanner.errors.sessionMinutes"),
      autoConfirm: z.boolean().default(false),
    })
    .optional(),
});
export type TScanComplete = z.infer<typeof ZScanCompleteSchema>;

/** Why the phone could not finish a request (reported to the platform as failReason of a FAILED request). */
export const PHONE_FAIL_REASONS = ["decrypt_failed"] as const;

// POST /api/m/scan/:id/fail — the joint decryption ran (PIN-checked half) but the ciphertext did not
// open with this certificate's key (SM2's C3 check failed): the request ends FAILED at once.
export const ZScanFailSchema = z.object({ certificateId: ZId, reason: z.enum(PHONE_FAIL_REASONS) });
