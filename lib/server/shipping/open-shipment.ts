import type { Tx } from "@/lib/db/client";
import { readDraft } from "@/lib/server/orders/order-draft.types";

/**
 * Opens the order's Shipment (待发货) once what it bought is settled: called where the order is paid
 * (onOrderPaid) and where it is submitted with nothing to pay. Only a USB Key order with a shipping
 * address gets one; a second call (a re-application, a doubled webhook) finds it and does nothing.
 */
export async function openShipment(tx: Tx, { orderId }: { orderId: string }): Promise<void> {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { medium: true, draft: true } });
  if (order.medium !== "USB_KEY") return;
  const shipping = readDraft(order.draft).goods?.shipping;
  if (!shipping) return;
  await tx.shipment.createMany({
    data: [{ orderId, recipient: shipping.recipient, phone: shipping.phone, address: shipping.address }],
    skipDuplicates: true,
  });
}
