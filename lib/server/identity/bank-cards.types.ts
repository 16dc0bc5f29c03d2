import { z } from "zod";
import { isValidBankCard } from "@/lib/validators/bank-card";
import { isValidIdNumber } from "@/lib/validators/id-number";

/** 添加银行卡: checked by 四要素 against the account's verified person (the name is the account's). */
export const ZAddBankCardSchema = z.object({
  idNumber: z.string().trim().transform((v) => v.toUpperCase()).refine(isValidIdNumber, "identity.errors.idNumberInvalid"),
  bankCard: z.string().transform((v) => v.replace(/\s+/g, "")).refine(isValidBankCard, "identity.errors.bankCardInvalid"),
  bankName: z.string().trim().max(60, "identity.errors.bankNameInvalid").optional().or(z.literal("").transform(() => undefined)),
  phone: z.string().trim().regex(/^1[3-9]\d{9}$/, "identity.errors.phoneInvalid"),
});
export type TAddBankCard = z.infer<typeof ZAddBankCardSchema>;
export type TAddBankCardInput = z.input<typeof ZAddBankCardSchema>;

export type BankCardView = {
  id: string;
  kind: "PERSONAL" | "CORPORATE";
  holderName: string;
  bankName: string | null;
  numberMasked: string;
  verifiedBy: "CORP_DEPOSIT" | "PERSONAL_DEPOSIT" | "PHONE3" | "BANK4" | "FACE" | null;
  verifiedAt: string | null;
  createdAt: string;
};
