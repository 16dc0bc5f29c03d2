import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/translate";
import { assertPermission } from "@/lib/server/auth/permissions";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { queueSms } from "@/lib/server/notify/queue-sms";
import { ZShipSchema } from "./shipment.types";

/**
 * 发货: CA staff (shipments.manage) enter the carrier and tracking number. One conditional update
 * PENDING → SHIPPED decides racing clicks (one shipment shipped, one tracking number) and an address
 * change racing it (the change either commits first and is what ships, or finds SHIPPED and is refused).
 * The applicant gets an SMS and an inbox message in the same transaction.
 */
export async function shipShipment({ staff, shipmentId, input, ip }: { staff: { id: string; role: Role }; shipmentId: string; input: unknown; ip?: string }) {
  assertPermission(staff, "shipments.manage");
  const { carrier, trackingNo } = ZShipSchema.parse(input);
  return db.$transaction(async (tx) => {
    const current = await tx.shipment.findUnique({ where: { id: shipmentId }, select: { order: { select: { status: true } } } });
    if (!current) throw new AppError("not_found");
    if (current.order.status === "CANCELLED") throw new AppError("conflict", { userMessage: "shipping.errors.notShippable" });
    const { count } = await tx.shipment.updateMany({
      where: { id: shipmentId, status: "PENDING" },
      data: { status: "SHIPPED", carrier, trackingNo, shippedAt: new Date(), shippedById: staff.id },
    });
    if (count === 0) throw new AppError("conflict", { userMessage: "shipping.errors.alreadyShipped" });
    const shipment = await tx.shipment.findUniqueOrThrow({
      where: { id: shipmentId },
      include: { order: { select: { id: true, no: true, user: { select: { id: true, phone: true, locale: true } } } } },
    });
    const { order } = shipment;
    await writeAudit(tx, { actorId: staff.id, action: "shipment.shipped", targetType: "Shipment", targetId: shipmentId, data: { orderId: order.id, carrier, trackingNo }, ip });
    const locale = order.user.locale === "en" ? "en" : "zh-CN";
    const t = translator(locale);
    const params = { no: order.no, carrier: t(`shipping.carriers.${carrier}`), trackingNo };
    await tx.inboxMessage.create({ data: { userId: order.user.id, title: t("shipping.notify.shippedTitle"), body: t("shipping.notify.shippedBody", params), link: `/m/me/shipments/${order.id}` } });
    await queueSms(tx, { to: order.user.phone, template: "shipment_shipped", params, locale });
    return { id: shipment.id, orderNo: order.no, carrier, trackingNo };
  });
}
