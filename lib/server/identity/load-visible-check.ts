import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { hasPermission } from "@/lib/server/auth/permissions";

/** Who may see a check: the user who started it, or staff who may see every order. */
export async function visibleCheckWhere(userId: string): Promise<Prisma.IdentityCheckWhereInput> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true, disabledAt: true } });
  if (!user || user.disabledAt) throw new AppError("unauthenticated");
  return hasPermission(user.role, "orders.viewAll") ? {} : { userId };
}

/** The check, or NOT_FOUND when it does not exist or the caller may not see it (no existence leak). */
export async function loadVisibleCheck({ userId, checkId, ownerOnly = false }: { userId: string; checkId: string; ownerOnly?: boolean }) {
  const where = ownerOnly ? { userId } : await visibleCheckWhere(userId);
  const row = await db.identityCheck.findFirst({ where: { ...where, id: checkId } });
  if (!row) throw new AppError("not_found");
  return row;
}
