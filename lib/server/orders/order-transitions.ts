import type { OrderKind, OrderStatus } from "@/lib/generated/prisma/enums";

/**
 * Every status change an order may make. Anything not listed is refused by transitionOrder,
 * so a bug elsewhere (a doubled webhook, a stale tab) cannot, say, approve a cancelled order.
 * - DRAFT → IN_REVIEW / APPROVED / AWAITING_PAPER: free orders, and re-applications of orders
 *   that were already paid, skip payment.
 * - REJECTED → DRAFT: the applicant corrects the application and signs it again.
 * - IN_REVIEW → AWAITING_PAYMENT: a change (证书变更), and a new application on a channel that is paid
 *   after approval (Channel.payAfterApproval), is reviewed first and paid for once approved; only those
 *   kinds may make it (KIND_ONLY), and approveOrder takes it only for an unpaid, priced order.
 */
export const ORDER_TRANSITIONS = {
  DRAFT: ["AWAITING_PAYMENT", "IN_REVIEW", "APPROVED", "AWAITING_PAPER", "CANCELLED"],
  AWAITING_PAYMENT: ["IN_REVIEW", "APPROVED", "AWAITING_PAPER", "CANCELLED"],
  AWAITING_PAPER: ["IN_REVIEW", "REJECTED"],
  IN_REVIEW: ["APPROVED", "REJECTED", "AWAITING_PAYMENT"],
  REJECTED: ["DRAFT", "CANCELLED"],
  APPROVED: ["COMPLETED"],
  COMPLETED: [],
  CANCELLED: [],
} as const satisfies Record<OrderStatus, readonly OrderStatus[]>;

/** Transitions only some kinds of order may make (`from→to` → those kinds). */
const KIND_ONLY: Partial<Record<`${OrderStatus}→${OrderStatus}`, readonly OrderKind[]>> = {
  "IN_REVIEW→AWAITING_PAYMENT": ["CHANGE", "NEW"],
};

export function canTransition(from: OrderStatus, to: OrderStatus, kind: OrderKind): boolean {
  if (!(ORDER_TRANSITIONS[from] as readonly OrderStatus[]).includes(to)) return false;
  const kinds = KIND_ONLY[`${from}→${to}`];
  return !kinds || kinds.includes(kind);
}
