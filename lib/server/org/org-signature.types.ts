import { z } from "zod";
import type { OrgSignaturePurpose } from "@/lib/generated/prisma/enums";

const ZId = z.string().min(1).max(64);

/** What each kind of letter does once applied; validated when it is started and again when it is applied. */
export const ZOrgSignatureParams = {
  APPROVE_REQUEST: z.object({ requestId: ZId }),
  GRANT_AUTHORIZATION: z.object({ userId: ZId, platformIds: z.array(ZId).min(1).max(50) }),
  TRANSFER_ADMIN: z.object({ requestId: ZId, toUserId: ZId }),
} as const satisfies Record<OrgSignaturePurpose, z.ZodType>;

export type TOrgSignatureParams<P extends OrgSignaturePurpose> = z.infer<(typeof ZOrgSignatureParams)[P]>;

/** Why a signed letter did not take effect (OrgSignature.failReason; labels in orgRequests.signatureFail). */
export const ORG_SIGNATURE_FAIL_REASONS = ["wrong_signer", "certificate_not_org", "signer_not_member", "data_mismatch", "apply_failed"] as const;
export type TOrgSignatureFailReason = (typeof ORG_SIGNATURE_FAIL_REASONS)[number];

/** The desk's QR lives as long as the longest platform request. */
export const ORG_SIGNATURE_TTL_SECONDS = 600;
