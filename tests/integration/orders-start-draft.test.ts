import { beforeAll, describe, expect, it } from "vitest";
import type { Channel } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { createOrder } from "@/lib/server/orders/create-order";
import { saveMethodStep } from "@/lib/server/orders/save-method-step";
import { cancelOrder } from "@/lib/server/orders/cancel-order";
import { createUser } from "../support/factories";
import { createChannel } from "./orders-fixtures";

// 开始办理 (startOrderAction → createOrder({ reuseEmptyDraft: true })): every click used to open another
// empty draft under 订单管理 → 未完成.
let channel: Channel;
let other: Channel;
beforeAll(async () => {
  [channel, other] = await Promise.all([createChannel(), createChannel()]);
});

const start = (userId: string, subjectType: "UNIT" | "INDIVIDUAL" = "INDIVIDUAL", channelCode = channel.code) => createOrder({ userId, subjectType, channelCode, reuseEmptyDraft: true });
const drafts = (userId: string) => db.order.count({ where: { userId, status: "DRAFT" } });

describe("开始办理 reuses an empty draft", () => {
  it("10 parallel clicks open one draft, and a later click returns the same one", async () => {
    const user = await createUser();
    const orders = await Promise.all(Array.from({ length: 10 }, () => start(user.id)));
    expect(new Set(orders.map((o) => o.id)).size).toBe(1);
    expect(await drafts(user.id)).toBe(1);
    expect((await start(user.id)).id).toBe(orders[0]!.id);
    expect(await db.orderEvent.count({ where: { orderId: orders[0]!.id, type: "created" } })).toBe(1);
  });

  it("a draft with something entered is not empty: the next click opens a new one", async () => {
    const user = await createUser();
    const first = await start(user.id);
    await saveMethodStep({ userId: user.id, orderId: first.id, input: { method: "PHONE3", agreed: true } });
    const second = await start(user.id);
    expect(second.id).not.toBe(first.id);
    expect(await drafts(user.id)).toBe(2);
  });

  it("only the same subject type and channel, only the caller's, only a draft", async () => {
    const [user, someoneElse] = await Promise.all([createUser(), createUser()]);
    const individual = await start(user.id);
    expect((await start(user.id, "UNIT")).id).not.toBe(individual.id);
    expect((await start(user.id, "INDIVIDUAL", other.code)).id).not.toBe(individual.id);
    expect((await start(someoneElse.id)).id).not.toBe(individual.id);
    await cancelOrder({ userId: user.id, orderId: individual.id });
    expect((await start(user.id)).id).not.toBe(individual.id);
  });

  it("callers that do not ask for it (the platforms' API) open a new order each time", async () => {
    const user = await createUser();
    const a = await createOrder({ userId: user.id, subjectType: "INDIVIDUAL", channelCode: channel.code });
    const b = await createOrder({ userId: user.id, subjectType: "INDIVIDUAL", channelCode: channel.code });
    expect(a.id).not.toBe(b.id);
  });
});
