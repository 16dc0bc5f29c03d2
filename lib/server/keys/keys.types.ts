import { z } from "zod";
import { ZKeygenRequestSchema, ZSignRequestSchema, ZDecryptRequestSchema } from "@/lib/pki/two-party";

import { isGuessablePin } from "@/lib/server/keys/pin-policy";

export const ZPinSchema = z.string({ error: "phone.errors.pinFormat" }).regex(/^\d{6}$/, "phone.errors.pinFormat");

// Runs, repeats and well-known PINs are refused here (the phone's form shows it at once); the
// holder's own numbers are checked by assertPinAllowed where the holder is known.
export const ZNewPinSchema = ZPinSchema.refine((p) => !isGuessablePin(p), "phone.errors.pinWeak");

/** Choosing a PIN: typed twice, the second must match. */
export const ZChoosePinSchema = z
  .object({ pin: ZNewPinSchema, confirm: z.string() })
  .refine((v) => v.pin === v.confirm, { message: "phone.errors.pinMismatch", path: ["confirm"] });
export type TChoosePin = z.infer<typeof ZChoosePinSchema>;

export const ZKeygenInputSchema = z.object({
  orderId: z.string().min(1).max(40),
  usage: z.enum(["SIGN", "ENCRYPT"]),
  request: ZKeygenRequestSchema,
});
export type TKeygenInput = z.infer<typeof ZKeygenInputSchema>;

export const ZFinishDownloadSchema = z.object({
  orderId: z.string().min(1).max(40),
  signKeyShareId: z.string().min(1).max(64),
  encryptKeyShareId: z.string().min(1).max(64),
  pin: ZNewPinSchema,
  /** The encryption share's escrow envelope (lib/pki/escrow), checked by storeEscrow. */
  escrow: z.unknown().refine((v) => typeof v === "object" && v !== null, "phone.errors.escrowInvalid"),
});
export type TFinishDownload = z.infer<typeof ZFinishDownloadSchema>;

export const ZSignWithPinSchema = z.object({ pin: ZPinSchema, request: ZSignRequestSchema });
export const ZDecryptWithPinSchema = z.object({ pin: ZPinSchema, request: ZDecryptRequestSchema });

export const ZChangePinSchema = z
  .object({ oldPin: ZPinSchema, pin: ZNewPinSchema, confirm: z.string() })
  .refine((v) => v.pin === v.confirm, { message: "phone.errors.pinMismatch", path: ["confirm"] })
  .refine((v) => v.pin !== v.oldPin, { message: "phone.errors.pinSame", path: ["pin"] });
export type TChangePin = z.infer<typeof ZChangePinSchema>;

/**
 * 证书解锁 / 忘记PIN: the SMS code sent to the holder's phone, the holder's ID number typed in
 * (a phone thief receives the SMS too, but does not know it), and for a reset the new PIN.
 */
export const ZReverifySchema = z
  .object({
    code: z.string().trim().regex(/^\d{6}$/, "auth.errors.codeFormat"),
    idNumber: z.string().trim().min(15, "phone.errors.idNumberFormat").max(18, "phone.errors.idNumberFormat").transform((v) => v.toUpperCase()),
    pin: ZNewPinSchema.optional(),
    confirm: z.string().optional(),
  })
  .refine((v) => v.pin === undefined || v.pin === v.confirm, { message: "phone.errors.pinMismatch", path: ["confirm"] });
export type TReverify = z.infer<typeof ZReverifySchema>;
