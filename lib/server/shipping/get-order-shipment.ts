import { db } from "@/lib/db/client";
import { orderWhere } from "@/lib/server/orders/order-where";

/** The USB Key shipment of an order the caller may see (desk order page, phone order view), or null. */
export async function getOrderShipment({ userId, orderId }: { userId: string; orderId: string }) {
  const order = await db.order.findFirst({
    where: orderWhere({ userId, orderId }),
    select: { no: true, shipment: { select: { id: true, status: true, recipient: true, phone: true, address: true, carrier: true, trackingNo: true, shippedAt: true, deliveredAt: true } } },
  });
  return order?.shipment ? { ...order.shipment, orderNo: order.no } : null;
}
