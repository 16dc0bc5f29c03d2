import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { orderWhere } from "@/lib/server/orders/order-where";
import { ZShippingAddressSchema } from "./shipment.types";

/**
 * The applicant (or whoever may see the order) changes where the USB Key goes, while it is 待发货 only:
 * one conditional update on status PENDING, so a change racing 发货 either commits first (and is what
 * ships) or finds it SHIPPED and is refused. Another user's order is NOT_FOUND.
 */
export async function changeShippingAddress({ userId, orderId, input, ip }: { userId: string; orderId: string; input: unknown; ip?: string }) {
  const address = ZShippingAddressSchema.parse(input);
  return db.$transaction(async (tx) => {
    const order = await tx.order.findFirst({ where: orderWhere({ userId, orderId }), select: { id: true, shipment: { select: { id: true } } } });
    if (!order?.shipment) throw new AppError("not_found");
    const { count } = await tx.shipment.updateMany({ where: { id: order.shipment.id, status: "PENDING" }, data: address });
    if (count === 0) throw new AppError("conflict", { userMessage: "shipping.errors.addressLocked" });
    await writeAudit(tx, { actorId: userId, action: "shipment.address_changed", targetType: "Shipment", targetId: order.shipment.id, data: { orderId }, ip });
    return tx.shipment.findUniqueOrThrow({ where: { id: order.shipment.id } });
  });
}
