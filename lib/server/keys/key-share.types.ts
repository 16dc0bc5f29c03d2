import { z } from "zod";
import { ZKeygenRequestSchema } from "@/lib/pki/two-party";

// Boundary schema of the server half of a split key's creation. The two-party message schemas are
// the protocol's own; this adds who asks. (Signing and decryption halves run through
// lib/server/keys/run-sign-half.ts and run-decrypt-half.ts, after the caller recomputed what is signed.)
const ZId = z.string().min(1).max(64);

export const ZCreateKeyShareSchema = z.object({ userId: ZId, request: ZKeygenRequestSchema });

export type TCreateKeyShare = z.input<typeof ZCreateKeyShareSchema>;
