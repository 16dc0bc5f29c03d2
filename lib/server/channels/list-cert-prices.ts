import { ChannelProduct, type SubjectType } from "@/lib/generated/prisma/enums";
import type { Db, Tx } from "@/lib/db/client";

/** The price list the goods step shows: certificate price per validity, seal and USB key add-ons (the key only where the channel offers it). */
export async function listCertPrices(client: Db | Tx, { channelId, subjectType, offerUsbKey = true }: { channelId: string; subjectType: SubjectType; offerUsbKey?: boolean }) {
  const product = subjectType === "UNIT" ? ChannelProduct.UNIT_CERT : ChannelProduct.INDIVIDUAL_CERT;
  const rows = await client.channelPrice.findMany({ where: { channelId, product: { in: [product, ChannelProduct.SEAL, ChannelProduct.USB_KEY] } }, orderBy: { years: "asc" } });
  return {
    certByYears: Object.fromEntries(rows.filter((r) => r.product === product).map((r) => [r.years, r.priceFen])) as Record<number, number>,
    sealFen: rows.find((r) => r.product === ChannelProduct.SEAL)?.priceFen ?? null,
    usbKeyFen: offerUsbKey ? (rows.find((r) => r.product === ChannelProduct.USB_KEY)?.priceFen ?? null) : null,
  };
}
