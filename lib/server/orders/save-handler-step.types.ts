import { z } from "zod";
import { ZBankCard, ZEmail, ZIdNumber, ZIdType, ZMobile, ZPersonName } from "./order-fields.types";

export const HANDLER_METHODS = ["PHONE3", "BANK4", "FACE"] as const;

const base = {
  isLegalRep: z.boolean(),
  name: ZPersonName,
  idType: ZIdType,
  idNumber: ZIdNumber,
  phone: ZMobile,
  // Certificate notices and the invoice go here.
  email: ZEmail,
};

/** Step 3 of the unit wizard: the 经办人 and how they are verified. */
export const ZHandlerStepSchema = z.discriminatedUnion("method", [
  z.object({ ...base, method: z.literal("PHONE3") }),
  z.object({ ...base, method: z.literal("FACE") }),
  z.object({ ...base, method: z.literal("BANK4"), bankCard: ZBankCard }),
], { error: "wizard.errors.chooseMethod" });
export type THandlerStep = z.infer<typeof ZHandlerStepSchema>;
