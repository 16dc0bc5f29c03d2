import { AppError } from "@/lib/errors";
import { db, type Db, type Tx } from "@/lib/db/client";
import { orderWhere } from "./order-where";

/** The caller's order with its channel, or NOT_FOUND (also for another user's order). */
export async function getOrderForUser({ userId, orderId }: { userId: string; orderId: string }, client: Db | Tx = db) {
  const order = await client.order.findFirst({ where: orderWhere({ userId, orderId }), include: { channel: true } });
  if (!order) throw new AppError("not_found");
  return order;
}
