import { z } from "zod";
import { ZAgreed } from "./order-fields.types";

export const ZSignAuthorizationSchema = z.object({
  code: z.string().trim().regex(/^\d{6}$/, "wizard.errors.codeFormat"),
  agreed: ZAgreed,
});
export type TSignAuthorization = z.infer<typeof ZSignAuthorizationSchema>;
