import type { Prisma } from "@/lib/generated/prisma/client";
import { hasPermission } from "@/lib/server/auth/permissions";
import type { SessionUser } from "@/lib/server/auth/session-user";

export type MaterialReader = Pick<SessionUser, "id" | "role">;

/**
 * Orders whose materials the caller may see: their own, or all of them with orders.viewAll. The
 * role is the session's (requireUser gives staff who have not passed their second factor the
 * applicant role), never re-read from the user row: an SMS code alone must not open every order.
 */
export function visibleOrderWhere(user: MaterialReader): Prisma.OrderWhereInput {
  return hasPermission(user.role, "orders.viewAll") ? {} : { userId: user.id };
}
