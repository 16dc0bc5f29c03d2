import type { OrderStatus } from "@/lib/generated/prisma/enums";

/**
 * The tabs of 订单管理 and the statuses each shows; a tab is named after its first status (orders.status),
 * so an order sits under the name its badge shows (an 已通过 order waiting for its download is not 已完成).
 */
export const ORDER_TABS = {
  unfinished: ["DRAFT"],
  awaiting_payment: ["AWAITING_PAYMENT"],
  in_review: ["IN_REVIEW", "AWAITING_PAPER"],
  rejected: ["REJECTED"],
  approved: ["APPROVED"],
  completed: ["COMPLETED"],
  cancelled: ["CANCELLED"],
} as const satisfies Record<string, readonly OrderStatus[]>;

export type OrderTab = keyof typeof ORDER_TABS;

/** The status a tab is named after. */
export const tabStatus = (tab: OrderTab): OrderStatus => ORDER_TABS[tab][0];

/** The tab asked for in the address, or null (then the page opens the first tab that has orders). */
export function toOrderTab(value: string | undefined | null): OrderTab | null {
  return value && Object.hasOwn(ORDER_TABS, value) ? (value as OrderTab) : null;
}

// Without a tab in the address: the first tab with orders, those that need the applicant first.
const ATTENTION_ORDER: readonly OrderTab[] = ["unfinished", "awaiting_payment", "approved", "rejected", "in_review", "completed", "cancelled"];

export function defaultOrderTab(counts: Record<OrderTab, number>): OrderTab {
  return ATTENTION_ORDER.find((tab) => counts[tab] > 0) ?? "unfinished";
}
