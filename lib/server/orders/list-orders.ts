import { db } from "@/lib/server/db/client";
import { orderWhere } from "./order-where";
import { ORDER_TABS, type OrderTab } from "./order-tabs";

/** One tab of 订单管理 (newest first) and the number of orders behind every tab. */
export async function listOrders({ userId, tab, take = 50 }: { userId: string; tab: OrderTab; take?: number }) {
  const [orders, grouped] = await Promise.all([
    db.order.findMany({
      where: { ...orderWhere({ userId }), status: { in: [...ORDER_TABS[tab]] } },
      orderBy: { updatedAt: "desc" },
      take,
      select: { id: true, no: true, subjectType: true, subjectName: true, status: true, step: true, priceFen: true, rejectReason: true, offline: true, createdAt: true, updatedAt: true },
    }),
    db.order.groupBy({ by: ["status"], where: orderWhere({ userId }), _count: { _all: true } }),
  ]);
  const byStatus = new Map(grouped.map((g) => [g.status, g._count._all]));
  const counts = Object.fromEntries(
    Object.entries(ORDER_TABS).map(([k, statuses]) => [k, statuses.reduce((n, s) => n + (byStatus.get(s) ?? 0), 0)]),
  ) as Record<OrderTab, number>;
  return { orders, counts };
}
