import { z } from "zod";
import { ZEnvelopeSchema, ZHexPointSchema } from "./message.types";

/** Phone → server: P1 = d1^-1·G. */
export const ZKeygenRequestSchema = ZEnvelopeSchema.extend({
  kind: z.literal("keygen-request"),
  P1: ZHexPointSchema,
});
export type TKeygenRequest = z.infer<typeof ZKeygenRequestSchema>;

/** Server → phone: the joint key P = d2^-1·P1 − G and P2 = d2^-1·G (nonce echoes the request). */
export const ZKeygenResponseSchema = ZEnvelopeSchema.extend({
  kind: z.literal("keygen-response"),
  P: ZHexPointSchema,
  P2: ZHexPointSchema,
});
export type TKeygenResponse = z.infer<typeof ZKeygenResponseSchema>;
