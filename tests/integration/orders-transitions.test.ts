import { describe, expect, it } from "vitest";
import { OrderStatus } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { transitionOrder } from "@/lib/server/orders/transition-order";
import { createUser } from "../support/factories";
import { createChannel, createOrderRow, expectAppError } from "./orders-fixtures";

// Written out here rather than imported: the test states the rule, the code must follow it.
const ALLOWED: Record<OrderStatus, OrderStatus[]> = {
  DRAFT: ["AWAITING_PAYMENT", "IN_REVIEW", "APPROVED", "AWAITING_PAPER", "CANCELLED"],
  AWAITING_PAYMENT: ["IN_REVIEW", "APPROVED", "AWAITING_PAPER", "CANCELLED"],
  AWAITING_PAPER: ["IN_REVIEW", "REJECTED"],
  // A new application on a channel paid after approval (审核通过后支付) is approved into AWAITING_PAYMENT.
  IN_REVIEW: ["APPROVED", "REJECTED", "AWAITING_PAYMENT"],
  REJECTED: ["DRAFT", "CANCELLED"],
  APPROVED: ["COMPLETED"],
  COMPLETED: [],
  CANCELLED: [],
};

const statuses = Object.values(OrderStatus) as OrderStatus[];
const pairs = statuses.flatMap((from) => statuses.map((to) => ({ from, to, allowed: ALLOWED[from].includes(to) })));

describe("order state machine", () => {
  it("IN_REVIEW → AWAITING_PAYMENT for a change and a new application (reviewed first, paid once approved), not for others", async () => {
    const user = await createUser();
    const channel = await createChannel();
    const order = await createOrderRow({ userId: user.id, channelId: channel.id, status: "IN_REVIEW" });
    await db.order.update({ where: { id: order.id }, data: { kind: "CHANGE" } });
    await db.$transaction((tx) => transitionOrder(tx, { orderId: order.id, to: "AWAITING_PAYMENT", actorId: user.id, type: "approved" }));
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("AWAITING_PAYMENT");
    const renewal = await createOrderRow({ userId: user.id, channelId: channel.id, status: "IN_REVIEW" });
    await db.order.update({ where: { id: renewal.id }, data: { kind: "RENEW" } });
    await expectAppError(db.$transaction((tx) => transitionOrder(tx, { orderId: renewal.id, to: "AWAITING_PAYMENT", actorId: user.id, type: "approved" })), "conflict");
  });

  it.each(pairs)("$from → $to allowed=$allowed (a new application)", async ({ from, to, allowed }) => {
    const user = await createUser();
    const channel = await createChannel();
    const order = await createOrderRow({ userId: user.id, channelId: channel.id, status: from });
    const run = db.$transaction((tx) => transitionOrder(tx, { orderId: order.id, to, actorId: user.id, type: "submitted" }));
    if (allowed) {
      await run;
      const after = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { events: true } });
      expect(after.status).toBe(to);
      expect(after.events).toEqual([expect.objectContaining({ fromStatus: from, toStatus: to, type: "submitted" })]);
      expect(await db.auditLog.count({ where: { targetType: "Order", targetId: order.id, action: "order.submitted" } })).toBe(1);
    } else {
      await expectAppError(run, "conflict");
      const after = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { events: true } });
      expect(after.status).toBe(from);
      expect(after.events).toHaveLength(0);
    }
  });
});
