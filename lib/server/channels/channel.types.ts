import { z } from "zod";
import { ChannelProduct, MaterialKind, VerificationMethod } from "@/lib/generated/prisma/enums";
import { optionalText } from "@/lib/validators/optional-text";

// The channel page of the console. Messages are catalogue keys (review.errors.*).
// The products in the order the channel form offers them (the enum is declared alphabetically).
export const PRODUCTS = [ChannelProduct.UNIT_CERT, ChannelProduct.INDIVIDUAL_CERT, ChannelProduct.SEAL, ChannelProduct.USB_KEY] as const satisfies readonly ChannelProduct[];
export const METHODS = Object.values(VerificationMethod);

/** Prices are typed in yuan (two decimals at most) and stored as integer fen. */
export const ZYuanSchema = z
  .string()
  .trim()
  .regex(/^\d{1,7}(\.\d{1,2})?$/, "review.errors.priceInvalid")
  .transform((v) => {
    const [yuan, cents = ""] = v.split(".");
    return Number(yuan) * 100 + Number(cents.padEnd(2, "0"));
  });

/** The materials a 证书变更 may ask for: every kind the change wizard's materials step uploads. */
export const CHANGE_MATERIAL_KINDS = Object.values(MaterialKind).filter((k) => k !== "REISSUE_FORM"); // the 补办申请表 belongs to reissues only
const ZChangeMaterials = z.array(z.enum(CHANGE_MATERIAL_KINDS as [MaterialKind, ...MaterialKind[]])).min(1, "review.errors.changeMaterialsRequired").max(CHANGE_MATERIAL_KINDS.length);

export const ZUpdateChannelSchema = z.object({
  channelId: z.string().min(1).max(40),
  // The channel's updatedAt as the form loaded it: a save from a form loaded before someone else's save is
  // refused (conflict) instead of writing the older values back over theirs. A caller that leaves it out writes.
  version: z.iso.datetime().optional(),
  name: z.string().trim().min(2, "review.errors.required").max(60, "review.errors.tooLong"),
  nameEn: optionalText(100),
  allowedMethods: z.array(z.enum(VerificationMethod)).min(1, "review.errors.methodsRequired"),
  autoApproveIndividual: z.boolean(),
  allowNoInvoice: z.boolean(),
  requireTwoReviewers: z.boolean(),
  // Enterprises (issue 12): the legal person's approval of joins and enterprise-certificate requests, and
  // whether certificate administrators may be appointed. Optional: a caller that leaves them out keeps them.
  requireLegalRepApproval: z.boolean().optional(),
  allowCertAdmins: z.boolean().optional(),
  // Lifecycle (issue 13): desk revocations wait for a CA operator; renewals need materials and the CA review.
  reviewDeskRevocations: z.boolean().optional(),
  renewalNeedsMaterials: z.boolean().optional(),
  // 证书补办: the holder uploads the stamped 补办申请表 before the reissue goes to review.
  reissueNeedsForm: z.boolean().optional(),
  // 审核通过后支付: new applications go to review unpaid and are paid once approved.
  payAfterApproval: z.boolean().optional(),
  // USB Key: offered in the goods step and shipped by the CA (发货管理); off on new channels.
  offerUsbKey: z.boolean().optional(),
  // 证书变更 (issue 13): its price (yuan typed, fen stored) and the materials it asks per subject type.
  changePrice: ZYuanSchema.optional(),
  changeMaterialsUnit: ZChangeMaterials.optional(),
  changeMaterialsIndividual: ZChangeMaterials.optional(),
  supportPhone: optionalText(30),
  mailingAddress: optionalText(200),
  active: z.boolean(),
  prices: z
    .array(z.object({ product: z.enum(ChannelProduct), years: z.coerce.number().int().min(1).max(5), price: ZYuanSchema }))
    .max(40),
});
export type TUpdateChannelInput = z.input<typeof ZUpdateChannelSchema>;
