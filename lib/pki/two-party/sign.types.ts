import { z } from "zod";
import { ZEnvelopeSchema, ZHexPointSchema, ZHexScalarSchema } from "./message.types";

/** Phone → server: the digest e = SM3(Z || M) and Q1 = k1·G. The server never sees M. */
export const ZSignRequestSchema = ZEnvelopeSchema.extend({
  kind: z.literal("sign-request"),
  e: ZHexScalarSchema,
  Q1: ZHexPointSchema,
});
export type TSignRequest = z.infer<typeof ZSignRequestSchema>;

/** Server → phone: r, s2 = d2·k3, s3 = d2·(r + k2) (nonce echoes the request). */
export const ZSignResponseSchema = ZEnvelopeSchema.extend({
  kind: z.literal("sign-response"),
  r: ZHexScalarSchema,
  s2: ZHexScalarSchema,
  s3: ZHexScalarSchema,
});
export type TSignResponse = z.infer<typeof ZSignResponseSchema>;
