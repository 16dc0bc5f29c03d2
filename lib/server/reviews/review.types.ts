import { z } from "zod";

// Statuses a reviewer works on: paid online applications, and mail-in ones waiting for paper.
export const QUEUE_STATUSES = ["IN_REVIEW", "AWAITING_PAPER"] as const;
export const AGE_FILTERS = ["any", "1d", "3d", "7d"] as const;

/** The queue's filter bar (GET query string): every field optional, unknown values ignored. */
export const ZReviewQueueFilterSchema = z.object({
  type: z.enum(["UNIT", "INDIVIDUAL"]).optional().catch(undefined),
  channel: z.string().trim().max(40).optional().catch(undefined),
  status: z.enum(QUEUE_STATUSES).optional().catch(undefined),
  age: z.enum(AGE_FILTERS).optional().catch(undefined),
});
export type TReviewQueueFilter = z.infer<typeof ZReviewQueueFilterSchema>;

export const ZApproveOrderSchema = z.object({ orderId: z.string().min(1).max(40) });
export type TApproveOrder = z.infer<typeof ZApproveOrderSchema>;

/** The wizard steps a rejection's reason can concern (the ones the applicant corrects); 修改后重新申请 opens it. */
export const REJECT_STEPS = ["method", "enterprise", "person", "handler", "goods", "materials"] as const;
export type TRejectStep = (typeof REJECT_STEPS)[number];

// The reason is shown to the applicant, who corrects the application from it: it must say something.
export const ZRejectOrderSchema = z.object({
  orderId: z.string().min(1).max(40),
  reason: z.string({ error: "review.errors.reasonRequired" }).trim().min(4, "review.errors.reasonRequired").max(500, "review.errors.reasonTooLong"),
  // Optional: the form's "不指定" is the empty value.
  step: z.union([z.enum(REJECT_STEPS), z.literal("")], { error: "review.errors.badStep" }).optional(),
});
export type TRejectOrder = z.infer<typeof ZRejectOrderSchema>;
