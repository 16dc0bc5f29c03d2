import { z } from "zod";
import { ZPinSchema } from "@/lib/server/keys/keys.types";

const id = z.string().min(1).max(64);

/** 新增企业印章 (multipart fields next to the file). */
export const ZCreateOrgSealSchema = z.object({
  kind: z.enum(["OFFICIAL", "LEGAL_REP", "LEGAL_REP_SIGNATURE", "CONTRACT"]),
  certificateId: id,
  name: z.string().trim().max(60).optional(),
});
export type TCreateOrgSeal = z.infer<typeof ZCreateOrgSealSchema>;

/** 新增个人印章: upload (a stamp photo), handwritten (the pad's PNG) or generated from the holder's name. */
export const ZCreatePersonalSealSchema = z.object({
  source: z.enum(["UPLOAD", "HANDWRITTEN", "GENERATED"]),
  certificateId: id,
  style: z.enum(["square", "round"]).optional(),
});
export type TCreatePersonalSeal = z.infer<typeof ZCreatePersonalSealSchema>;

/** 签章变更 / 补章 / 上传印模: a new picture for a seal. */
export const ZSealImageSchema = z.object({ sealId: id });

export const ZSealIdSchema = z.object({ sealId: id });

export const ZSealDecisionSchema = z.discriminatedUnion("decision", [
  z.object({ sealId: id, decision: z.literal("approve") }),
  z.object({ sealId: id, decision: z.literal("reject"), reason: z.string().trim().min(2, "seals.errors.reasonRequired").max(500) }),
]);
export type TSealDecision = z.infer<typeof ZSealDecisionSchema>;

/** The phone's download: the bound certificate's PIN. */
export const ZSealDownloadSchema = z.object({ pin: ZPinSchema });

/** 授权用章 / 撤销授权: an enterprise, its seal and a member's enterprise signing certificate. */
export const ZSealGrantSchema = z.object({ orgId: id, sealId: id, certificateId: id });
export type TSealGrant = z.infer<typeof ZSealGrantSchema>;
