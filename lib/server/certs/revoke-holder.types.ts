import { z } from "zod";

/** The reasons a holder picks on the desk (注销 is cessationOfOperation). */
export const HOLDER_REVOKE_REASONS = ["cessationOfOperation", "keyCompromise", "affiliationChanged", "superseded"] as const;
export const ZHolderRevokeReasonSchema = z.enum(HOLDER_REVOKE_REASONS);
export type THolderRevokeReason = z.infer<typeof ZHolderRevokeReasonSchema>;

export const ZRevokeWithPinSchema = z.object({ pin: z.string().regex(/^\d{6}$/) });
