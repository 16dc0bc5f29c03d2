import { z } from "zod";
import { isValidUscc } from "@/lib/validators/uscc";

const ZId = z.string().trim().min(1).max(64);
const ZReason = z.string().trim().max(500, "wizard.errors.tooLong").optional();
const ZPlatformIds = z.array(ZId).min(1, "orgRequests.errors.platformInvalid").max(50).transform((ids) => [...new Set(ids)]);
const ZYears = z.coerce.number().int().min(1).max(5);

/** A decision on one stage of a request; a rejection needs its reason. */
export const ZDecision = z
  .object({ requestId: ZId, decision: z.enum(["approve", "reject"]), reason: ZReason })
  .refine((d) => d.decision === "approve" || (d.reason ?? "").length > 0, { path: ["reason"], message: "orgRequests.errors.reasonRequired" });
export type TDecision = z.input<typeof ZDecision>;

/** 加入企业: the enterprise by USCC, its administrator as the joiner knows them, the platforms and years wanted. */
export const ZCreateJoinRequest = z.object({
  uscc: z.string({ error: "wizard.errors.required" }).trim().toUpperCase().min(1, "wizard.errors.required").refine(isValidUscc, "wizard.errors.usccInvalid"),
  adminName: z.string({ error: "wizard.errors.required" }).trim().min(1, "wizard.errors.required").max(50, "wizard.errors.tooLong"),
  adminPhone: z.string({ error: "wizard.errors.required" }).trim().regex(/^1\d{10}$/, "wizard.errors.phoneInvalid"),
  platformIds: ZPlatformIds,
  years: ZYears,
});
export type TCreateJoinRequest = z.input<typeof ZCreateJoinRequest>;

/** A member asks for the enterprise certificate for themselves. */
export const ZCreateCertRequest = z.object({ orgId: ZId, platformIds: ZPlatformIds, years: ZYears });
export type TCreateCertRequest = z.input<typeof ZCreateCertRequest>;

export const ZGrantAuthorization = z.object({ orgId: ZId, userId: ZId, platformIds: ZPlatformIds });
export type TGrantAuthorization = z.input<typeof ZGrantAuthorization>;

export const ZRevokeAuthorization = z.object({ orgId: ZId, authorizationId: ZId });
export type TRevokeAuthorization = z.input<typeof ZRevokeAuthorization>;

export const ZStartAdminTransfer = z.object({ orgId: ZId, toUserId: ZId });
export type TStartAdminTransfer = z.input<typeof ZStartAdminTransfer>;

export const ZDecidePaperTransfer = z
  .object({ requestId: ZId, decision: z.enum(["approve", "reject"]), reason: ZReason })
  .refine((d) => d.decision === "approve" || (d.reason ?? "").length > 0, { path: ["reason"], message: "orgRequests.errors.reasonRequired" });
export type TDecidePaperTransfer = z.input<typeof ZDecidePaperTransfer>;
