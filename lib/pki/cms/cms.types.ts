import { z } from "zod";

export const ZCmsSignOptionsSchema = z.object({
  /** Recorded as the signingTime attribute; defaults to now. */
  signingTime: z.date().optional(),
});

export type TCmsSignOptions = z.input<typeof ZCmsSignOptionsSchema>;
