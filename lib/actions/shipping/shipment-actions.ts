"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { changeShippingAddress } from "@/lib/server/shipping/change-shipping-address";
import { markShipmentDelivered } from "@/lib/server/shipping/mark-shipment-delivered";
import { shipShipment } from "@/lib/server/shipping/ship-shipment";
import { ZShipSchema, ZShippingAddressSchema } from "@/lib/server/shipping/shipment.types";
import { ZId } from "@/lib/validators/id";

// 发货管理 (shipments.manage): ship a USB Key with carrier + tracking number, mark it delivered.
export const shipShipmentAction = userAction({ args: z.tuple([ZId, ZShipSchema]), permission: "shipments.manage" }, async ({ user, args: [shipmentId, input], ip }) => {
  const out = await shipShipment({ staff: user, shipmentId, input, ip });
  revalidatePath("/console/shipments");
  return out;
});

export const markShipmentDeliveredAction = userAction({ args: z.tuple([ZId]), permission: "shipments.manage" }, async ({ user, args: [shipmentId], ip }) => {
  const out = await markShipmentDelivered({ staff: user, shipmentId, ip });
  revalidatePath("/console/shipments");
  return out;
});

// The order's owner changes where the USB Key goes while it is 待发货.
export const changeShippingAddressAction = userAction({ args: z.tuple([ZId, ZShippingAddressSchema]) }, async ({ user, args: [orderId, input], ip }) => {
  const row = await changeShippingAddress({ userId: user.id, orderId, input, ip });
  revalidatePath(`/orders/${orderId}`);
  return { recipient: row.recipient, phone: row.phone, address: row.address };
});
