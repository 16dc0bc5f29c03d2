import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgPermission } from "@/lib/server/org/org-permissions";
import { orgRolesWith } from "@/lib/server/org/org-roles-with";

/**
 * The access rule for orders, in the query: an applicant sees their own orders, and an ACTIVE member
 * of the order's organization sees it when their role grants `permission` (by default orders.viewAll:
 * the administrator and certificate administrators see every order of the organization; a plain member
 * only their own). Every read and write by the desk goes through this, so any other order is NOT_FOUND.
 * A user with no memberships sees exactly their own orders.
 */
export function orderWhere({
  userId,
  orderId,
  permission = "orders.viewAll",
}: {
  userId: string;
  orderId?: string;
  permission?: OrgPermission;
}): Prisma.OrderWhereInput {
  const scope: Prisma.OrderWhereInput = {
    OR: [{ userId }, { org: { members: { some: { userId, status: "ACTIVE", role: { in: orgRolesWith(permission) } } } } }],
  };
  return orderId ? { id: orderId, ...scope } : scope;
}
