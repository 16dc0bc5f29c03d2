import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { orderWhere } from "./order-where";

/** The order page: the order, its timeline, platform, latest signing link and payments. */
export async function getOrderDetail({ userId, orderId }: { userId: string; orderId: string }) {
  const order = await db.order.findFirst({
    where: orderWhere({ userId, orderId }),
    include: {
      channel: { select: { name: true, nameEn: true, mailingAddress: true, supportPhone: true } },
      platform: { select: { name: true, nameEn: true } },
      events: { orderBy: { at: "asc" } },
      payments: { orderBy: { createdAt: "desc" }, select: { id: true, status: true, amountFen: true, method: true, paidAt: true } },
    },
  });
  if (!order) throw new AppError("not_found");
  return order;
}
