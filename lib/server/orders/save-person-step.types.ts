import { z } from "zod";
import type { VerificationMethod } from "@/lib/generated/prisma/enums";
import { ZBankCard, ZEmail, ZIdNumber, ZIdType, ZMobile, ZPersonName, ZRequiredText } from "./order-fields.types";

const base = { name: ZPersonName, idType: ZIdType, idNumber: ZIdNumber, phone: ZMobile, email: ZEmail };

/** Step 2 of the individual wizard; the bank card is asked for only where the method uses it. */
export function personStepSchema(method: VerificationMethod | null | undefined) {
  if (method === "PERSONAL_DEPOSIT") return z.object({ ...base, bankCard: ZBankCard, bankName: ZRequiredText(60) });
  if (method === "BANK4") return z.object({ ...base, bankCard: ZBankCard });
  return z.object(base);
}

export const ZPersonStepSchema = z.object({ ...base, bankCard: ZBankCard.optional(), bankName: ZRequiredText(60).optional() });
export type TPersonStep = z.infer<typeof ZPersonStepSchema>;
