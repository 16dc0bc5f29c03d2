import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/server/db/client";
import { hasPermission } from "@/lib/server/auth/permissions";

/** Orders whose materials the caller may see: their own, or all of them with orders.viewAll. */
export async function visibleOrderWhere(userId: string): Promise<Prisma.OrderWhereInput> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true, disabledAt: true } });
  if (!user || user.disabledAt) throw new AppError("unauthenticated");
  return hasPermission(user.role, "orders.viewAll") ? {} : { userId };
}
