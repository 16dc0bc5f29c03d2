import type { OrderStatus } from "@/lib/generated/prisma/enums";

/** Statuses that hold the subject: a second application for the same USCC / ID number must wait. */
export const OPEN_STATUSES = ["DRAFT", "AWAITING_PAYMENT", "AWAITING_PAPER", "IN_REVIEW", "REJECTED"] as const satisfies readonly OrderStatus[];

/** Statuses the applicant may cancel themselves (nothing is being reviewed or issued). */
export const CANCELLABLE_STATUSES = ["DRAFT", "AWAITING_PAYMENT", "REJECTED"] as const satisfies readonly OrderStatus[];

export function isCancellable(status: OrderStatus): boolean {
  return (CANCELLABLE_STATUSES as readonly OrderStatus[]).includes(status);
}
