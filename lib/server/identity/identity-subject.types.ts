import { z } from "zod";
import type { IdentityMethod } from "@/lib/identity/identity-provider";
import { isValidBankCard } from "@/lib/validators/bank-card";
import { isValidIdNumber } from "@/lib/validators/id-number";
import { maskAccount, maskBankCard, maskIdNumber, maskName } from "@/lib/validators/mask";
import { isValidUscc } from "@/lib/validators/uscc";
import { maskPhone } from "@/lib/server/auth/session-user";
import { ID_TYPES } from "@/lib/server/orders/order-fields.types";

// What each method checks (the `subject` of startIdentityCheck). Keys match the wizard's draft
// fields so the wizard can pass its step data straight through. Messages are catalogue keys.
const name = z.string().trim().min(2, "identity.errors.nameInvalid").max(100, "identity.errors.nameInvalid");
const idNumber = z.string().trim().transform((v) => v.toUpperCase()).refine(isValidIdNumber, "identity.errors.idNumberInvalid");
const phone = z.string().trim().regex(/^1[3-9]\d{9}$/, "identity.errors.phoneInvalid");
const bankCard = z.string().transform((v) => v.replace(/\s+/g, "")).refine(isValidBankCard, "identity.errors.bankCardInvalid");
// Resident ID, or the HK/Macao/Taiwan residence permits: all carry an 18-character GB 11643 number.
const idType = z.enum(ID_TYPES).optional();
const bankName = z.string().trim().min(2, "identity.errors.bankNameInvalid").max(60, "identity.errors.bankNameInvalid");

export const ZIdentitySubjectSchemas = {
  PHONE3: z.object({ name, idType, idNumber, phone }),
  BANK4: z.object({ name, idType, idNumber, bankCard, phone }),
  FACE: z.object({ name, idType, idNumber }),
  PERSONAL_DEPOSIT: z.object({ name, idType, idNumber, bankName, bankCard }),
  CORP_DEPOSIT: z.object({
    name,
    uscc: z.string().trim().refine(isValidUscc, "identity.errors.usccInvalid"),
    bankName,
    bankBranch: z.string().trim().max(100).optional(),
    // Corporate accounts have no check digit: digits (dashes and spaces as printed), 6–32 long.
    bankAccount: z
      .string()
      .transform((v) => v.replace(/[\s-]+/g, ""))
      .refine((v) => /^\d{6,32}$/.test(v), "identity.errors.accountInvalid"),
  }),
} as const satisfies Record<IdentityMethod, z.ZodType>;

export type TIdentitySubject<M extends IdentityMethod> = z.infer<(typeof ZIdentitySubjectSchemas)[M]>;

/** The evidence kept on the check for reviewers: enough to compare with the documents, no full numbers. */
export function maskSubject(subject: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(subject)) {
    if (v === undefined) continue;
    if (k === "idNumber") out[k] = maskIdNumber(v);
    else if (k === "phone") out[k] = maskPhone(v);
    else if (k === "bankCard") out[k] = maskBankCard(v);
    else if (k === "bankAccount") out[k] = maskAccount(v);
    // A unit's name and USCC are public (营业执照); a person's name is masked.
    else if (k === "name" && !("uscc" in subject)) out[k] = maskName(v);
    else out[k] = v;
  }
  return out;
}
