import type { OrderStatus } from "@/lib/generated/prisma/enums";

/** The tabs of 订单管理 and the statuses each shows. */
export const ORDER_TABS = {
  unfinished: ["DRAFT"],
  awaiting_payment: ["AWAITING_PAYMENT"],
  in_review: ["IN_REVIEW", "AWAITING_PAPER"],
  rejected: ["REJECTED"],
  completed: ["APPROVED", "COMPLETED"],
  cancelled: ["CANCELLED"],
} as const satisfies Record<string, readonly OrderStatus[]>;

export type OrderTab = keyof typeof ORDER_TABS;

export function toOrderTab(value: string | undefined | null): OrderTab {
  return value && value in ORDER_TABS ? (value as OrderTab) : "unfinished";
}
