import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { toMaterialView, type MaterialView } from "./save-material";
import { visibleOrderWhere, type MaterialReader } from "./material-access";

/** The current (not replaced) materials of an order, newest first; NOT_FOUND for an order the caller may not see. */
export async function listMaterials({ user, orderId, includeReplaced = false }: { user: MaterialReader; orderId: string; includeReplaced?: boolean }): Promise<MaterialView[]> {
  const order = await db.order.findFirst({ where: { ...visibleOrderWhere(user), id: orderId }, select: { id: true } });
  if (!order) throw new AppError("not_found");
  const rows = await db.material.findMany({
    where: { orderId: order.id, ...(includeReplaced ? {} : { replacedAt: null }) },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(toMaterialView);
}
