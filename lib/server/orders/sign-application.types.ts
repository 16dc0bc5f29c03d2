import { z } from "zod";
import { ZAgreed } from "./order-fields.types";

export const ZSignApplicationSchema = z.object({
  code: z.string().trim().regex(/^\d{6}$/, "wizard.errors.codeFormat"),
  agreed: ZAgreed,
});
export type TSignApplication = z.infer<typeof ZSignApplicationSchema>;
