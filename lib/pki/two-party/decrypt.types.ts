import { z } from "zod";
import { ZEnvelopeSchema, ZHexPointSchema } from "./message.types";

/** Phone → server: T1 = d1^-1·C1. C2 and C3 stay on the phone, so the server learns nothing of M. */
export const ZDecryptRequestSchema = ZEnvelopeSchema.extend({
  kind: z.literal("decrypt-request"),
  T1: ZHexPointSchema,
});
export type TDecryptRequest = z.infer<typeof ZDecryptRequestSchema>;

/** Server → phone: T2 = d2^-1·T1 (nonce echoes the request). */
export const ZDecryptResponseSchema = ZEnvelopeSchema.extend({
  kind: z.literal("decrypt-response"),
  T2: ZHexPointSchema,
});
export type TDecryptResponse = z.infer<typeof ZDecryptResponseSchema>;
