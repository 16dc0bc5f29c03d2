import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createPayment } from "@/lib/server/payments/create-payment";
import { confirmSandboxPayment } from "@/lib/server/payments/confirm-sandbox-payment";
import { changeShippingAddress } from "@/lib/server/shipping/change-shipping-address";
import { consoleListShipments } from "@/lib/server/shipping/console-list-shipments";
import { markShipmentDelivered } from "@/lib/server/shipping/mark-shipment-delivered";
import { shipShipment } from "@/lib/server/shipping/ship-shipment";
import { saveGoodsStep } from "@/lib/server/orders/save-goods-step";
import { loadGoodsStep } from "@/lib/server/orders/load-goods-step";
import { createUser, uniquePhone } from "../support/factories";
import { createChannel, expectAppError, goodsInput } from "./orders-fixtures";
import { signedIndividualOrder } from "./orders-flow";

const USB_KEY = { medium: "USB_KEY", shipping: { recipient: "王收件", phone: "13800000000", address: "北京市海淀区测试路 8 号" } };

async function paidUsbKeyOrder() {
  const channel = await createChannel({ autoApproveIndividual: false });
  const { user, order } = await signedIndividualOrder({ channelCode: channel.code, goods: USB_KEY });
  // Signed, awaiting payment: nothing to ship yet.
  expect(await db.shipment.count({ where: { orderId: order.id } })).toBe(0);
  const { paymentId } = await createPayment({ userId: user.id, orderId: order.id, method: "wechat_pay" });
  await confirmSandboxPayment({ paymentId });
  const shipment = await db.shipment.findUniqueOrThrow({ where: { orderId: order.id } });
  return { channel, user, order, shipment };
}

const settle = <T>(ps: Promise<T>[]) => Promise.allSettled(ps);

// Issue 18, Missing: "a paid option must deliver what it promises" — the USB Key is shipped, with its tracking number.
describe("USB Key shipping", () => {
  it("opens 待发货 when paid (price includes the key), ships with carrier + tracking number, audited, SMS + inbox, then 已签收", async () => {
    const { user, order, shipment } = await paidUsbKeyOrder();
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).priceFen).toBe(9800 + 8000);
    expect(shipment).toMatchObject({ status: "PENDING", recipient: "王收件", phone: "13800000000", address: "北京市海淀区测试路 8 号", trackingNo: null });

    const staff = await createUser({ role: "CA_REVIEWER" });
    const list = await consoleListShipments({ staff, q: order.no });
    expect(list.map((s) => [s.id, s.status])).toEqual([[shipment.id, "PENDING"]]);

    const shipped = await shipShipment({ staff, shipmentId: shipment.id, input: { carrier: "SF", trackingNo: " sf1234567890 " } });
    expect(shipped).toMatchObject({ trackingNo: "SF1234567890", carrier: "SF" });
    expect(await db.shipment.findUniqueOrThrow({ where: { id: shipment.id } })).toMatchObject({ status: "SHIPPED", carrier: "SF", trackingNo: "SF1234567890", shippedById: staff.id, shippedAt: expect.any(Date) });
    expect(await db.auditLog.count({ where: { action: "shipment.shipped", targetId: shipment.id, actorId: staff.id } })).toBe(1);
    const sms = await db.job.findFirstOrThrow({ where: { type: "notify.sms", payload: { path: ["template"], equals: "shipment_shipped" } }, orderBy: { createdAt: "desc" } });
    expect(sms.payload).toMatchObject({ to: user.phone, template: "shipment_shipped" });
    const inbox = await db.inboxMessage.findFirstOrThrow({ where: { userId: user.id, title: "USB Key 已发货" } });
    expect(inbox.body).toBe(`您的订单 ${order.no} 的 USB Key 已发货：顺丰速运，快递单号 SF1234567890。`);

    // After shipping the address is fixed.
    await expectAppError(changeShippingAddress({ userId: user.id, orderId: order.id, input: { ...USB_KEY.shipping, address: "上海市新地址 1 号" } }), "conflict");
    expect((await db.shipment.findUniqueOrThrow({ where: { id: shipment.id } })).address).toBe("北京市海淀区测试路 8 号");

    await markShipmentDelivered({ staff, shipmentId: shipment.id });
    expect(await db.shipment.findUniqueOrThrow({ where: { id: shipment.id } })).toMatchObject({ status: "DELIVERED", deliveredAt: expect.any(Date) });
    await expectAppError(markShipmentDelivered({ staff, shipmentId: shipment.id }), "conflict");
  });

  it("lets the applicant change the address while 待发货, refuses other users (not found) and applicants shipping (forbidden), and checks the tracking number", async () => {
    const { user, order, shipment } = await paidUsbKeyOrder();
    const next = { recipient: "李新", phone: uniquePhone(), address: "上海市浦东新区新地址 1 号" };
    await changeShippingAddress({ userId: user.id, orderId: order.id, input: next });
    expect(await db.shipment.findUniqueOrThrow({ where: { id: shipment.id } })).toMatchObject({ ...next, status: "PENDING" });
    expect(await db.auditLog.count({ where: { action: "shipment.address_changed", targetId: shipment.id } })).toBe(1);

    const stranger = await createUser();
    await expectAppError(changeShippingAddress({ userId: stranger.id, orderId: order.id, input: next }), "not_found");
    await expectAppError(shipShipment({ staff: user, shipmentId: shipment.id, input: { carrier: "SF", trackingNo: "SF1234567890" } }), "forbidden");
    const staff = await createUser({ role: "CA_REVIEWER" });
    // Validation errors (zod) become 422 with the field's message.
    await expect(shipShipment({ staff, shipmentId: shipment.id, input: { carrier: "SF", trackingNo: "12" } })).rejects.toThrow("shipping.errors.trackingInvalid");
    await expect(shipShipment({ staff, shipmentId: shipment.id, input: { carrier: "DHL", trackingNo: "SF1234567890" } })).rejects.toThrow("shipping.errors.carrierRequired");
    await expectAppError(markShipmentDelivered({ staff, shipmentId: shipment.id }), "conflict");
    expect((await db.shipment.findUniqueOrThrow({ where: { id: shipment.id } })).status).toBe("PENDING");
  });

  it("20 parallel 发货 → one shipment shipped with one tracking number, one audit row, one SMS", async () => {
    const { shipment } = await paidUsbKeyOrder();
    const staff = await Promise.all(Array.from({ length: 4 }, () => createUser({ role: "CA_REVIEWER" })));
    const results = await settle(Array.from({ length: 20 }, (_, i) => shipShipment({ staff: staff[i % 4]!, shipmentId: shipment.id, input: { carrier: "SF", trackingNo: `SF${String(i).padStart(10, "0")}` } })));
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(Array(19).fill("conflict"));
    const row = await db.shipment.findUniqueOrThrow({ where: { id: shipment.id } });
    expect(row.trackingNo).toBe((won[0] as PromiseFulfilledResult<{ trackingNo: string }>).value.trackingNo);
    expect(await db.auditLog.count({ where: { action: "shipment.shipped", targetId: shipment.id } })).toBe(1);
    expect(await db.inboxMessage.count({ where: { link: `/m/me/shipments/${row.orderId}`, title: "USB Key 已发货" } })).toBe(1);
  });

  it("an address change racing 发货 either happened before (and is what shipped) or is refused", async () => {
    for (let round = 0; round < 3; round++) {
      const { user, order, shipment } = await paidUsbKeyOrder();
      const staff = await createUser({ role: "CA_REVIEWER" });
      const next = { recipient: "赵改址", phone: uniquePhone(), address: `广州市天河区改址路 ${round} 号` };
      const [change, ship] = await settle<unknown>([
        ...Array.from({ length: 5 }, () => changeShippingAddress({ userId: user.id, orderId: order.id, input: next })),
        shipShipment({ staff, shipmentId: shipment.id, input: { carrier: "EMS", trackingNo: `EMS${round}0000000` } }),
      ]).then((r) => [r.slice(0, 5), r[5]!] as const);
      expect(ship.status).toBe("fulfilled");
      const row = await db.shipment.findUniqueOrThrow({ where: { id: shipment.id } });
      const changed = change.filter((r) => r.status === "fulfilled").length;
      expect(change.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason.code === "conflict")).toBe(true);
      // Every accepted change committed before the shipment; none after it.
      expect(row.address).toBe(changed > 0 ? next.address : USB_KEY.shipping.address);
      expect(await db.auditLog.count({ where: { action: "shipment.address_changed", targetId: shipment.id } })).toBe(changed);
    }
  });

  it("a channel that does not offer the USB Key (the default for new channels) neither lists nor sells it", async () => {
    const channel = await createChannel({ offerUsbKey: false });
    expect((await db.channel.create({ data: { code: `n-${Date.now()}`, name: "新渠道", allowedMethods: ["PHONE3"] } })).offerUsbKey).toBe(false);
    const owner = await createUser();
    const draft = await db.order.create({ data: { no: `T${Date.now()}${Math.floor(Math.random() * 1000)}`, userId: owner.id, channelId: channel.id, subjectType: "INDIVIDUAL", subjectKey: "110105199001011234", status: "DRAFT", step: "goods" }, include: { channel: true } });
    const view = await loadGoodsStep({ user: owner as never, order: draft });
    expect(view.prices.usbKeyFen).toBeNull();
    await expectAppError(saveGoodsStep({ userId: owner.id, orderId: draft.id, input: goodsInput(USB_KEY) }), "validation_failed");
    expect((await db.order.findUniqueOrThrow({ where: { id: draft.id } })).medium).toBe("CLOUD");
  });
});
