import { z } from "zod";
import { ZHexPointSchema } from "@/lib/pki/two-party/message.types";

export const ZRequestKeyRecoverySchema = z.object({
  /** The new phone's one-time SM2 transport public key (uncompressed, hex). */
  transportPublicKey: ZHexPointSchema,
});

export const ZDecideKeyRecoverySchema = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("approve") }),
  z.object({ decision: z.literal("reject"), reason: z.string().trim().min(4, "review.errors.reasonRequired").max(200) }),
]);

/** Open recoveries: at most one per key share. */
export const OPEN_RECOVERY_STATUSES = ["REQUESTED", "APPROVED", "DELIVERED"] as const;

export const recoveryDeliveryAad = (recoveryId: string) => `key-recovery:${recoveryId}`;
