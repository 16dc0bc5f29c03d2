import { z } from "zod";
import { isValidIdNumber } from "@/lib/validators/id-number";
import { isValidUscc } from "@/lib/validators/uscc";
import { ZBankCard, ZIdNumber, ZMobile, ZPersonName, ZUscc } from "@/lib/server/orders/order-fields.types";

/** The subject looked up: an 18-character ID number (personal) or USCC (unit), check character included. */
export const ZLookupSubject = z
  .object({
    subjectType: z.enum(["UNIT", "INDIVIDUAL"]),
    subjectKey: z.string().trim().toUpperCase().min(1, "wizard.errors.required").max(18, "wizard.errors.tooLong"),
  })
  .superRefine((v, ctx) => {
    const ok = v.subjectType === "UNIT" ? isValidUscc(v.subjectKey) : isValidIdNumber(v.subjectKey);
    if (!ok) ctx.addIssue({ code: "custom", path: ["subjectKey"], message: v.subjectType === "UNIT" ? "wizard.errors.usccInvalid" : "wizard.errors.idNumberInvalid" });
  });
export type TLookupSubject = z.infer<typeof ZLookupSubject>;

const ZCode = z.string().trim().regex(/^\d{6}$/, "auth.errors.codeFormat");

/** Step 1 (code path): the subject and the number of one of its applicants / handlers. */
export const ZSendLookupCode = z.object({ subject: ZLookupSubject, phone: ZMobile, channel: z.string().max(40).optional() });
export type TSendLookupCode = z.infer<typeof ZSendLookupCode>;

export const ZVerifyLookupCode = z.object({
  subject: ZLookupSubject,
  phone: ZMobile,
  code: ZCode,
  route: z.enum(["handler", "legal_rep"]).default("handler"),
  channel: z.string().max(40).optional(),
});
export type TVerifyLookupCode = z.input<typeof ZVerifyLookupCode>;

/** Personal fallback: 手机号三要素 or 银行卡四要素 of the person whose ID number is looked up. */
export const ZLookupRealName = z.discriminatedUnion("method", [
  z.object({ method: z.literal("PHONE3"), idNumber: ZIdNumber, name: ZPersonName, phone: ZMobile, channel: z.string().max(40).optional() }),
  z.object({ method: z.literal("BANK4"), idNumber: ZIdNumber, name: ZPersonName, phone: ZMobile, bankCard: ZBankCard, channel: z.string().max(40).optional() }),
]);
export type TLookupRealName = z.infer<typeof ZLookupRealName>;

/** Unit fallback: the legal representative's ID and phone, with a captcha answered; an SMS code follows. */
export const ZSendLegalRepLookupCode = z.object({
  uscc: ZUscc,
  legalRepIdNumber: ZIdNumber,
  phone: ZMobile,
  captchaId: z.string().min(1).max(40),
  captchaAnswer: z.string().trim().regex(/^-?\d{1,3}$/, "lifecycleLookup.errors.captchaFormat"),
});
export type TSendLegalRepLookupCode = z.infer<typeof ZSendLegalRepLookupCode>;
