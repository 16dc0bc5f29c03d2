import { z } from "zod";
import { CertMedium } from "@/lib/generated/prisma/enums";
import { ZMobile, ZPersonName, ZRequiredText } from "./order-fields.types";

export const CERT_YEARS = [1, 2, 3] as const;

const ZOptionalText = (max: number) => z.string().trim().max(max, "wizard.errors.tooLong").optional().or(z.literal(""));

/**
 * Step 4: the goods. The invoice title and tax number are not inputs: the server fixes them to the
 * subject (unit name + USCC, or the person's name), so only the other invoice fields are here.
 */
// Shipping fields of a USB key the applicant then switched away from must not block the step.
const dropUnusedShipping = (v: unknown) =>
  v && typeof v === "object" && (v as { medium?: unknown }).medium !== CertMedium.USB_KEY ? { ...(v as object), shipping: undefined } : v;

export const ZGoodsStepSchema = z.preprocess(
  dropUnusedShipping,
  z
  .object({
    years: z.coerce.number().pipe(z.union([z.literal(1), z.literal(2), z.literal(3)], { error: "wizard.errors.chooseYears" })),
    medium: z.enum(CertMedium, { error: "wizard.errors.required" }),
    withSeal: z.boolean().default(false),
    platformId: z.string().trim().max(40).optional().or(z.literal("")),
    shipping: z
      .object({ recipient: ZPersonName, phone: ZMobile, address: ZRequiredText(200) })
      .optional(),
    invoice: z.object({
      wanted: z.boolean(),
      email: ZOptionalText(100),
      address: ZOptionalText(200),
      phone: ZOptionalText(30),
      bank: ZOptionalText(100),
      account: ZOptionalText(40),
    }),
  })
  .superRefine((v, ctx) => {
    if (v.medium === CertMedium.USB_KEY && !v.shipping) ctx.addIssue({ code: "custom", message: "wizard.errors.shippingRequired", path: ["shipping", "address"] });
  }),
);
export type TGoodsStep = z.infer<typeof ZGoodsStepSchema>;
export type TGoodsStepInput = z.input<typeof ZGoodsStepSchema>;
