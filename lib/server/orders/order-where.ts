import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The access rule for orders, in the query: an applicant sees only their own orders. Every read
 * and write by the desk goes through this, so someone else's order is simply NOT_FOUND.
 */
export function orderWhere({ userId, orderId }: { userId: string; orderId?: string }): Prisma.OrderWhereInput {
  return orderId ? { id: orderId, userId } : { userId };
}
