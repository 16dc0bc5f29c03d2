/**
 * What a RENEW order keeps in its draft besides the wizard steps' data: whether its channel asked for
 * renewal materials when it was opened (Channel.renewalNeedsMaterials). Then the wizard has a materials
 * step, the materials are those of a new application, and the paid renewal goes to the CA review
 * instead of being approved at once. Fixed at opening: a changed switch does not move an open renewal.
 */
export type TRenewDraft = { renewReview?: true };

export function readRenewDraft(draft: unknown): TRenewDraft {
  return (draft && typeof draft === "object" ? draft : {}) as TRenewDraft;
}

/** Whether this order is a renewal that needs materials and the CA review. */
export function isReviewedRenewal(order: { kind?: string; draft?: unknown }): boolean {
  return order.kind === "RENEW" && readRenewDraft(order.draft).renewReview === true;
}
