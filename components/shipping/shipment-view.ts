import { formatTime } from "@/components/orders/order-timeline";
import type { Carrier } from "@/lib/server/shipping/shipment.types";
import type { ShipmentView } from "./shipment-card";

type Row = { status: ShipmentView["status"]; recipient: string; phone: string; address: string; carrier: string | null; trackingNo: string | null; shippedAt: Date | null; deliveredAt: Date | null };

/** A shipment row as the ShipmentCard shows it (times formatted on the server, in the page's locale). */
export function toShipmentView(s: Row, locale: string): ShipmentView {
  return {
    status: s.status,
    recipient: s.recipient,
    phone: s.phone,
    address: s.address,
    carrier: s.carrier as Carrier | null,
    trackingNo: s.trackingNo,
    shippedAt: s.shippedAt ? formatTime(s.shippedAt, locale) : null,
    deliveredAt: s.deliveredAt ? formatTime(s.deliveredAt, locale) : null,
  };
}
