import { z } from "zod";
import { ZDecryptRequestSchema, ZKeygenRequestSchema, ZSignRequestSchema } from "@/lib/pki/two-party";

// Boundary schemas of the server half of split keys. The two-party message schemas are the
// protocol's own; these add who asks and for which stored share.
const ZId = z.string().min(1).max(64);

export const ZCreateKeyShareSchema = z.object({ userId: ZId, request: ZKeygenRequestSchema });
export const ZServerSignWithShareSchema = z.object({ userId: ZId, keyShareId: ZId, request: ZSignRequestSchema });
export const ZServerDecryptWithShareSchema = z.object({ userId: ZId, keyShareId: ZId, request: ZDecryptRequestSchema });

export type TCreateKeyShare = z.input<typeof ZCreateKeyShareSchema>;
export type TServerSignWithShare = z.input<typeof ZServerSignWithShareSchema>;
export type TServerDecryptWithShare = z.input<typeof ZServerDecryptWithShareSchema>;
