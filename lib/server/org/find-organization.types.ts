import { z } from "zod";
import { isValidUscc } from "@/lib/validators/uscc";

/** The claim/join search: the enterprise's exact USCC (GB 32100 check character) and its name. */
export const ZFindOrganization = z.object({
  uscc: z.string({ error: "wizard.errors.required" }).trim().min(1, "wizard.errors.required").refine(isValidUscc, "wizard.errors.usccInvalid"),
  name: z.string({ error: "wizard.errors.required" }).trim().min(1, "wizard.errors.required").max(100, "wizard.errors.tooLong"),
});
export type TFindOrganization = z.input<typeof ZFindOrganization>;
