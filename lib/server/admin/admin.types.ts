import { z } from "zod";
import { ChannelProduct, VerificationMethod } from "@/lib/generated/prisma/enums";

// Boundaries of the CA admin pages. Messages are catalogue keys (review.errors.*).
// The products in the order the channel form offers them (the enum is declared alphabetically).
export const PRODUCTS = [ChannelProduct.UNIT_CERT, ChannelProduct.INDIVIDUAL_CERT, ChannelProduct.SEAL, ChannelProduct.USB_KEY] as const satisfies readonly ChannelProduct[];
export const METHODS = Object.values(VerificationMethod);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "review.errors.tooLong")
    .optional()
    .transform((v) => (v ? v : null));

/** Prices are typed in yuan (two decimals at most) and stored as integer fen. */
export const ZYuanSchema = z
  .string()
  .trim()
  .regex(/^\d{1,7}(\.\d{1,2})?$/, "review.errors.priceInvalid")
  .transform((v) => {
    const [yuan, cents = ""] = v.split(".");
    return Number(yuan) * 100 + Number(cents.padEnd(2, "0"));
  });

export const ZUpdateChannelSchema = z.object({
  channelId: z.string().min(1).max(40),
  name: z.string().trim().min(2, "review.errors.required").max(60, "review.errors.tooLong"),
  nameEn: optionalText(100),
  allowedMethods: z.array(z.enum(VerificationMethod)).min(1, "review.errors.methodsRequired"),
  autoApproveIndividual: z.boolean(),
  allowNoInvoice: z.boolean(),
  requireTwoReviewers: z.boolean(),
  supportPhone: optionalText(30),
  mailingAddress: optionalText(200),
  active: z.boolean(),
  prices: z
    .array(z.object({ product: z.enum(ChannelProduct), years: z.coerce.number().int().min(1).max(5), price: ZYuanSchema }))
    .max(40),
});
export type TUpdateChannelInput = z.input<typeof ZUpdateChannelSchema>;

const ZUrl = z.url({ protocol: /^https?$/, error: "review.errors.urlInvalid" });

/** Callback URLs arrive one per line from a textarea. */
const ZUrlLines = z
  .string()
  .max(4000)
  .transform((v) => v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(ZUrl).min(1, "review.errors.callbackRequired").max(20));

const platformFields = {
  name: z.string().trim().min(2, "review.errors.required").max(100, "review.errors.tooLong"),
  nameEn: optionalText(120),
  homepage: z.union([z.literal("").transform(() => null), ZUrl]).optional().transform((v) => v ?? null),
  callbackUrls: ZUrlLines,
  webhookUrl: z.union([z.literal("").transform(() => null), ZUrl]).optional().transform((v) => v ?? null),
  active: z.boolean().default(true),
};

export const ZCreatePlatformSchema = z.object({
  code: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/, "review.errors.codeInvalid"),
  ...platformFields,
});
export type TCreatePlatformInput = z.input<typeof ZCreatePlatformSchema>;

export const ZUpdatePlatformSchema = z.object({ platformId: z.string().min(1).max(40), ...platformFields });
export type TUpdatePlatformInput = z.input<typeof ZUpdatePlatformSchema>;

export const ZRotatePlatformSecretSchema = z.object({ platformId: z.string().min(1).max(40) });

export const ZChangeUserRoleSchema = z.object({
  userId: z.string().min(1).max(40),
  role: z.enum(["APPLICANT", "CA_REVIEWER", "CA_ADMIN"]),
});
export type TChangeUserRole = z.infer<typeof ZChangeUserRoleSchema>;

export const ZListUsersSchema = z.object({
  q: z.string().trim().max(40).optional().catch(undefined),
  role: z.enum(["APPLICANT", "CA_REVIEWER", "CA_ADMIN"]).optional().catch(undefined),
});

export const ZAuditFilterSchema = z.object({
  targetType: z.string().trim().max(40).optional().catch(undefined),
  targetId: z.string().trim().max(60).optional().catch(undefined),
  actor: z.string().trim().max(40).optional().catch(undefined),
  // An audit row id: a positive int8 (a larger number would reach PostgreSQL as an out-of-range error).
  before: z.coerce.bigint().min(1n).max(9_223_372_036_854_775_807n).optional().catch(undefined),
});
export type TAuditFilter = z.infer<typeof ZAuditFilterSchema>;
