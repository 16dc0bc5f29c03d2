import { z } from "zod";
import { ZMobile, ZPersonName, ZRequiredText } from "@/lib/server/orders/order-fields.types";

/** The carriers staff pick from (their names are in the catalogue, shipping.carriers). */
export const CARRIERS = ["SF", "EMS", "JD", "YTO", "ZTO", "STO", "YUNDA"] as const;
export type Carrier = (typeof CARRIERS)[number];

/** Where a USB Key goes: the goods step's shipping fields, and the applicant's change while 待发货. */
export const ZShippingAddressSchema = z.object({ recipient: ZPersonName, phone: ZMobile, address: ZRequiredText(200) });
export type TShippingAddress = z.infer<typeof ZShippingAddressSchema>;

/** 发货: the carrier and its tracking number, typed by CA staff. */
export const ZShipSchema = z.object({
  carrier: z.enum(CARRIERS, { error: "shipping.errors.carrierRequired" }),
  trackingNo: z
    .string({ error: "shipping.errors.trackingInvalid" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{6,30}$/, "shipping.errors.trackingInvalid"),
});
export type TShip = z.infer<typeof ZShipSchema>;
