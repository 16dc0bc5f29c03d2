import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { assertPermission } from "@/lib/server/auth/permissions";

const STATUS_ORDER = { PENDING: 0, SHIPPED: 1, DELIVERED: 2 } as const;

/** 发货管理: the USB Key shipments, 待发货 first (oldest first), then the shipped ones (newest first); q matches the order no. */
export async function consoleListShipments({ staff, q = "" }: { staff: { role: Role }; q?: string }) {
  assertPermission(staff, "shipments.manage");
  const search = q.trim();
  const where = search ? { order: { no: { contains: search, mode: "insensitive" as const } } } : {};
  const select = {
    id: true, status: true, recipient: true, phone: true, address: true, carrier: true, trackingNo: true, shippedAt: true, deliveredAt: true, createdAt: true,
    order: { select: { id: true, no: true, subjectName: true, status: true } },
  } as const;
  const [pending, done] = await Promise.all([
    db.shipment.findMany({ where: { ...where, status: "PENDING" }, select, orderBy: { createdAt: "asc" }, take: 200 }),
    db.shipment.findMany({ where: { ...where, status: { in: ["SHIPPED", "DELIVERED"] } }, select, orderBy: { shippedAt: "desc" }, take: 100 }),
  ]);
  return [...pending, ...done].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
}
