import { z } from "zod";

export const ZTotpCodeSchema = z.object({ code: z.string().trim().regex(/^\d{6}$/, "passkeys.errors.totpFormat") });
export type TTotpCode = z.infer<typeof ZTotpCodeSchema>;
