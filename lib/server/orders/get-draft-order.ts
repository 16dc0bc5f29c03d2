import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db/client";
import { orderWhere } from "./order-where";

/**
 * For step saves: locks the caller's order row and insists it is still a draft, so a stale tab
 * cannot rewrite an application that was already signed or paid.
 */
export async function getDraftOrder(tx: Tx, { userId, orderId }: { userId: string; orderId: string }) {
  const order = await tx.order.findFirst({ where: orderWhere({ userId, orderId }), include: { channel: true } });
  if (!order) throw new AppError("not_found");
  await tx.$queryRaw`SELECT id FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
  const fresh = await tx.order.findUniqueOrThrow({ where: { id: orderId }, include: { channel: true } });
  if (fresh.status !== "DRAFT") throw new AppError("conflict", { userMessage: "orders.errors.notDraft" });
  return fresh;
}
