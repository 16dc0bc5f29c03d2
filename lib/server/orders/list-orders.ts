import { db } from "@/lib/db/client";
import { orderWhere } from "./order-where";
import { defaultOrderTab, ORDER_TABS, type OrderTab } from "./order-tabs";

/**
 * One tab of 订单管理 (newest first) and the number of orders behind every tab. With no tab asked
 * for, the first tab that has orders (those waiting for the applicant first).
 */
export async function listOrders({ userId, tab, take = 50 }: { userId: string; tab: OrderTab | null; take?: number }) {
  const grouped = await db.order.groupBy({ by: ["status"], where: orderWhere({ userId }), _count: { _all: true } });
  const byStatus = new Map(grouped.map((g) => [g.status, g._count._all]));
  const counts = Object.fromEntries(
    Object.entries(ORDER_TABS).map(([k, statuses]) => [k, statuses.reduce((n, s) => n + (byStatus.get(s) ?? 0), 0)]),
  ) as Record<OrderTab, number>;
  const shown = tab ?? defaultOrderTab(counts);
  const orders = await db.order.findMany({
    where: { ...orderWhere({ userId }), status: { in: [...ORDER_TABS[shown]] } },
    orderBy: { updatedAt: "desc" },
    take,
    select: { id: true, no: true, subjectType: true, subjectName: true, status: true, step: true, priceFen: true, rejectReason: true, offline: true, createdAt: true, updatedAt: true,
      // 重新申请 on a completed order whose certificate expired or was revoked.
      certificates: { where: { usage: "SIGN" }, orderBy: { notBefore: "desc" }, take: 1, select: { id: true, status: true, notAfter: true } } },
  });
  return { orders, counts, tab: shown };
}
