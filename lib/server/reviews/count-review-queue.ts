import { hasPermission } from "@/lib/server/auth/permissions";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/db/client";

/** Orders waiting in review, for the badge on the console's navigation (0 for roles that do not review). */
export async function countReviewQueue({ user }: { user: Pick<SessionUser, "role"> }): Promise<number> {
  if (!hasPermission(user.role, "orders.review")) return 0;
  return db.order.count({ where: { status: "IN_REVIEW", kind: { not: "REVOKE" } } });
}
