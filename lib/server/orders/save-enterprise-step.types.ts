import { z } from "zod";
import type { VerificationMethod } from "@/lib/generated/prisma/enums";
import { ZBankCard, ZCorpAccount, ZIdNumber, ZIdType, ZMobile, ZPersonName, ZRequiredText, ZUscc } from "./order-fields.types";

const base = {
  name: ZRequiredText(100),
  uscc: ZUscc,
  legalRepName: ZPersonName,
  legalRepIdType: ZIdType,
  legalRepIdNumber: ZIdNumber,
  legalRepPhone: ZMobile,
  // The registered address: asked for by a change (证书变更) only; empty keeps the one on record.
  address: z.string().trim().max(200, "wizard.errors.tooLong").optional(),
};

/**
 * Step 2 of the unit wizard. What else is required depends on the verification method chosen in
 * step 1: the corporate account for 对公打款, the legal rep's bank card for the four-element check.
 */
export function enterpriseStepSchema(method: VerificationMethod | null | undefined) {
  if (method === "CORP_DEPOSIT") {
    return z.object({ ...base, bankAccount: ZCorpAccount, bankName: ZRequiredText(60), bankBranch: ZRequiredText(100) });
  }
  if (method === "BANK4") return z.object({ ...base, legalRepBankCard: ZBankCard });
  return z.object(base);
}

export const ZEnterpriseStepSchema = z.object({
  ...base,
  bankAccount: ZCorpAccount.optional(),
  bankName: ZRequiredText(60).optional(),
  bankBranch: ZRequiredText(100).optional(),
  legalRepBankCard: ZBankCard.optional(),
});
export type TEnterpriseStep = z.infer<typeof ZEnterpriseStepSchema>;
