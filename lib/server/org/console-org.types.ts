import { z } from "zod";

// The console's enterprise pages (orgs.view, orgs.review). Messages are catalogue keys.

export const ORG_LIST_STATES = ["all", "active", "deleted"] as const;

/** The enterprise list's search bar (GET query): name, USCC or the administrator's phone; unknown values ignored. */
export const ZConsoleOrgListFilterSchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  state: z.enum(ORG_LIST_STATES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type TConsoleOrgListFilter = z.infer<typeof ZConsoleOrgListFilterSchema>;

export const ORG_REQUEST_QUEUE_STATES = ["PENDING_CA", "APPROVED", "REJECTED", "all"] as const;

export const ZConsoleOrgRequestFilterSchema = z.object({
  status: z.enum(ORG_REQUEST_QUEUE_STATES).optional().catch(undefined),
});

// The reason is shown to the enterprise's administrator, who uploads a corrected form from it.
export const ZPaperTransferDecisionSchema = z.discriminatedUnion("decision", [
  z.object({ requestId: z.string().min(1).max(40), decision: z.literal("approve") }),
  z.object({
    requestId: z.string().min(1).max(40),
    decision: z.literal("reject"),
    reason: z.string({ error: "review.errors.reasonRequired" }).trim().min(4, "review.errors.reasonRequired").max(500, "review.errors.reasonTooLong"),
  }),
]);
export type TPaperTransferDecision = z.infer<typeof ZPaperTransferDecisionSchema>;

/** The reject form alone (the client validates the reason before sending). */
export const ZPaperTransferRejectSchema = z.object({
  requestId: z.string().min(1).max(40),
  reason: z.string({ error: "review.errors.reasonRequired" }).trim().min(4, "review.errors.reasonRequired").max(500, "review.errors.reasonTooLong"),
});
export type TPaperTransferReject = z.infer<typeof ZPaperTransferRejectSchema>;
