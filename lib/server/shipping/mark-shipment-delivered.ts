import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertPermission } from "@/lib/server/auth/permissions";
import { writeAudit } from "@/lib/server/audit/write-audit";

/** 已签收 (optional): CA staff mark a shipped USB Key delivered, once (SHIPPED → DELIVERED by one conditional update). */
export async function markShipmentDelivered({ staff, shipmentId, ip }: { staff: { id: string; role: Role }; shipmentId: string; ip?: string }) {
  assertPermission(staff, "shipments.manage");
  return db.$transaction(async (tx) => {
    const { count } = await tx.shipment.updateMany({ where: { id: shipmentId, status: "SHIPPED" }, data: { status: "DELIVERED", deliveredAt: new Date() } });
    const shipment = await tx.shipment.findUnique({ where: { id: shipmentId }, select: { id: true, orderId: true, status: true, order: { select: { no: true } } } });
    if (!shipment) throw new AppError("not_found");
    if (count === 0) throw new AppError("conflict", { userMessage: shipment.status === "DELIVERED" ? "shipping.errors.alreadyShipped" : "shipping.errors.notShipped" });
    await writeAudit(tx, { actorId: staff.id, action: "shipment.delivered", targetType: "Shipment", targetId: shipmentId, data: { orderId: shipment.orderId }, ip });
    return { id: shipment.id, orderNo: shipment.order.no };
  });
}
