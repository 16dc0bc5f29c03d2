import { z } from "zod";
import { ZHexPointSchema } from "@/lib/pki/two-party/message.types";
import { ZPinSchema } from "@/lib/server/keys/keys.types";

const ZId = z.string().trim().min(1).max(64);

/** 证书补办 from the new phone: the certificate (either half of the pair), the holder as typed, the phone's transport key. */
export const ZStartReissueSchema = z.object({
  certificateId: ZId,
  name: z.string({ error: "lifecycleReissue.errors.nameRequired" }).trim().min(1, "lifecycleReissue.errors.nameRequired").max(64),
  idNumber: z
    .string({ error: "lifecycleReissue.errors.idNumberFormat" })
    .trim()
    .toUpperCase()
    .regex(/^\d{17}[\dX]$/, "lifecycleReissue.errors.idNumberFormat"),
  /** The new phone's one-time SM2 transport key, to which the key-management centre re-encrypts the encryption share. */
  transportPublicKey: ZHexPointSchema,
});
export type TStartReissue = z.infer<typeof ZStartReissueSchema>;

/** The new signing key (a fresh two-party keygen on the new phone) and the PIN the holder chose for the recovered key. */
export const ZFinishReissueSchema = z.object({ signKeyShareId: ZId, pin: ZPinSchema });
export type TFinishReissue = z.infer<typeof ZFinishReissueSchema>;

/** Reissue attempts (each runs a billed PHONE3 check) per account: 5 a day, taken before the check. */
export const REISSUE_LIMITS = [{ seconds: 86_400, max: 5 }];
