import { z } from "zod";

// Messages are catalogue keys: the form shows them in the user's language.
export const ZPhoneSchema = z
  .string({ error: "auth.errors.phoneRequired" })
  .trim()
  .min(1, "auth.errors.phoneRequired")
  .regex(/^1[3-9]\d{9}$/, "auth.errors.phoneInvalid");

export const ZCodeSchema = z.string().trim().regex(/^\d{6}$/, "auth.errors.codeFormat");

export const ZPasswordSchema = z
  .string()
  .min(8, "auth.errors.passwordRule")
  .max(64, "auth.errors.passwordRule")
  .regex(/[A-Za-z]/, "auth.errors.passwordRule")
  .regex(/\d/, "auth.errors.passwordRule");

export const PUBLIC_CODE_PURPOSES = ["LOGIN", "RESET_PASSWORD"] as const;
export const ACCOUNT_CODE_PURPOSES = ["CHANGE_PHONE_OLD", "CHANGE_PHONE_NEW"] as const;

export const ZSendCodeSchema = z.object({
  phone: ZPhoneSchema,
  purpose: z.enum([...PUBLIC_CODE_PURPOSES, ...ACCOUNT_CODE_PURPOSES]),
});
export type TSendCode = z.infer<typeof ZSendCodeSchema>;

export const ZSmsLoginSchema = z.object({ phone: ZPhoneSchema, code: ZCodeSchema });
export type TSmsLogin = z.infer<typeof ZSmsLoginSchema>;

export const ZPasswordLoginSchema = z.object({ phone: ZPhoneSchema, password: z.string().min(1, "auth.errors.passwordRequired").max(128) });
export type TPasswordLogin = z.infer<typeof ZPasswordLoginSchema>;

const confirmMatches = (v: { password: string; confirm: string }) => v.password === v.confirm;

export const ZSetPasswordSchema = z
  .object({ currentPassword: z.string().max(128).optional(), password: ZPasswordSchema, confirm: z.string() })
  .refine(confirmMatches, { message: "auth.errors.confirmMismatch", path: ["confirm"] });
export type TSetPassword = z.infer<typeof ZSetPasswordSchema>;

export const ZResetPasswordSchema = z
  .object({ phone: ZPhoneSchema, code: ZCodeSchema, password: ZPasswordSchema, confirm: z.string() })
  .refine(confirmMatches, { message: "auth.errors.confirmMismatch", path: ["confirm"] });
export type TResetPassword = z.infer<typeof ZResetPasswordSchema>;

export const ZChangePhoneSchema = z.object({ oldCode: ZCodeSchema, newPhone: ZPhoneSchema, newCode: ZCodeSchema });
export type TChangePhone = z.infer<typeof ZChangePhoneSchema>;
