import { z } from "zod";
import { ZAgreed } from "./order-fields.types";

export const VERIFICATION_METHODS = ["CORP_DEPOSIT", "PERSONAL_DEPOSIT", "PHONE3", "BANK4", "FACE"] as const;
/** Without the legal representative: 对公打款; with: phone / bank card / face of the legal rep. */
export const UNIT_METHODS = ["CORP_DEPOSIT", "PHONE3", "BANK4", "FACE"] as const;
export const INDIVIDUAL_METHODS = ["PERSONAL_DEPOSIT", "PHONE3", "BANK4", "FACE"] as const;

export const ZMethodStepSchema = z.object({
  method: z.enum(VERIFICATION_METHODS, { error: "wizard.errors.chooseMethod" }),
  agreed: ZAgreed,
});
export type TMethodStep = z.infer<typeof ZMethodStepSchema>;
