import { z } from "zod";
import { IdType } from "@/lib/generated/prisma/enums";
import { isValidUscc } from "@/lib/validators/uscc";
import { isValidIdNumber } from "@/lib/validators/id-number";
import { isValidBankCard } from "@/lib/validators/bank-card";

// Field schemas shared by the wizard steps. Messages are catalogue keys (wizard.errors.*):
// the form shows them next to the field in the user's language, the server returns them as 422 fields.

export const ZRequiredText = (max = 100) => z.string({ error: "wizard.errors.required" }).trim().min(1, "wizard.errors.required").max(max, "wizard.errors.tooLong");

export const ZPersonName = z.string({ error: "wizard.errors.required" }).trim().min(2, "wizard.errors.nameInvalid").max(40, "wizard.errors.tooLong");

export const ZUscc = z
  .string({ error: "wizard.errors.required" })
  .trim()
  .min(1, "wizard.errors.required")
  .refine(isValidUscc, "wizard.errors.usccInvalid");

// All three documents carry an 18-character GB 11643 number with its check character.
// The schema's IdType (Organization.legalRepIdType), in its declared order.
export const ID_TYPES = Object.values(IdType);
export const ZIdType = z.enum(IdType, { error: "wizard.errors.required" });

export const ZIdNumber = z
  .string({ error: "wizard.errors.required" })
  .trim()
  .min(1, "wizard.errors.required")
  .transform((v) => v.toUpperCase())
  .refine(isValidIdNumber, "wizard.errors.idNumberInvalid");

export const ZMobile = z
  .string({ error: "wizard.errors.required" })
  .trim()
  .min(1, "wizard.errors.required")
  .regex(/^1[3-9]\d{9}$/, "wizard.errors.phoneInvalid");

export const ZEmail = z.string({ error: "wizard.errors.required" }).trim().min(1, "wizard.errors.required").pipe(z.email("wizard.errors.emailInvalid"));

export const ZBankCard = z
  .string({ error: "wizard.errors.required" })
  .trim()
  .min(1, "wizard.errors.required")
  .transform((v) => v.replace(/\s+/g, ""))
  .refine(isValidBankCard, "wizard.errors.bankCardInvalid");

// Corporate accounts have no check digit: digits (and dashes some banks print), 6–32 long.
export const ZCorpAccount = z
  .string({ error: "wizard.errors.required" })
  .trim()
  .min(1, "wizard.errors.required")
  .transform((v) => v.replace(/[\s-]+/g, ""))
  .refine((v) => /^\d{6,32}$/.test(v), "wizard.errors.accountInvalid");

export const ZAgreed = z.literal(true, { error: "wizard.errors.mustAgree" });
