import { z } from "zod";

/**
 * While a request is SCANNED its `result` column holds the gate: which certificate's key share
 * ran a server half for it after a PIN check (or inside an open session), and the r values of
 * those signature halves. Completion requires the gate, and for signatures the final r to be one
 * the server produced for this very request, so a signature made elsewhere cannot complete it.
 * Platforms never see it: the result is shown to them only once COMPLETED, when it is replaced.
 */
export const ZScanGateSchema = z.object({
  certificateId: z.string(),
  rs: z.array(z.string()).default([]),
  decrypted: z.boolean().default(false),
  viaSession: z.boolean().default(false),
  // The seal the holder chose before the PIN (sign requests): completion must name the same one.
  sealId: z.string().nullable().default(null),
});
export type TScanGate = z.infer<typeof ZScanGateSchema>;

export function readScanGate(result: unknown): TScanGate | null {
  const parsed = z.object({ gate: ZScanGateSchema }).safeParse(result);
  return parsed.success ? parsed.data.gate : null;
}
