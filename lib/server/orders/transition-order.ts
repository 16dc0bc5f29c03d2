import type { OrderKind, OrderStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { OrderTransitionType } from "@/lib/server/audit/audit-actions";
import { canTransition } from "./order-transitions";

// The timestamp column each arrival status stamps (the list pages and the reviewer sort by them).
const STAMP: Partial<Record<OrderStatus, "paidAt" | "approvedAt" | "completedAt" | "cancelledAt">> = {
  APPROVED: "approvedAt",
  COMPLETED: "completedAt",
  CANCELLED: "cancelledAt",
};

/**
 * The only way an order changes status: locks the row, refuses any pair not in ORDER_TRANSITIONS,
 * and writes the change, its OrderEvent and its audit row in the caller's transaction.
 */
export async function transitionOrder(
  tx: Tx,
  {
    orderId,
    to,
    actorId = null,
    type,
    note,
    data = {},
    ip,
  }: {
    orderId: string;
    to: OrderStatus;
    actorId?: string | null;
    type: OrderTransitionType;
    note?: string;
    data?: Prisma.OrderUpdateInput;
    ip?: string;
  },
) {
  // FOR UPDATE: two requests racing on one order (a webhook and a cancel) queue up here.
  const rows = await tx.$queryRaw<Array<{ status: OrderStatus; kind: OrderKind }>>`SELECT status, kind FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
  const from = rows[0]?.status;
  if (!from) throw new AppError("not_found");
  if (!canTransition(from, to, rows[0]!.kind)) {
    throw new AppError("conflict", { userMessage: "orders.errors.illegalTransition", params: { from, to } });
  }
  const stamp = STAMP[to];
  const order = await tx.order.update({
    where: { id: orderId },
    data: { ...data, status: to, ...(stamp ? { [stamp]: new Date() } : {}) },
  });
  await tx.orderEvent.create({ data: { orderId, type, fromStatus: from, toStatus: to, actorId, note } });
  await writeAudit(tx, { actorId, action: `order.${type}`, targetType: "Order", targetId: orderId, data: { from, to, note }, ip });
  return order;
}
