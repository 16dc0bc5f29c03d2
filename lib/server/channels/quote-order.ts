import { CertMedium, ChannelProduct, type SubjectType } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import type { Db, Tx } from "@/lib/db/client";

export type Quote = {
  certFen: number;
  sealFen: number;
  usbKeyFen: number;
  totalFen: number;
  /** The subject is on the channel's free list: everything is 0. */
  isFree: boolean;
};

/**
 * Prices come only from ChannelPrice (integer fen), never from the client. A missing price row for
 * what the applicant chose is a configuration gap, reported rather than charged as 0.
 */
export async function quoteOrder(
  client: Db | Tx,
  {
    channelId,
    subjectType,
    subjectKey,
    years,
    withSeal,
    medium,
  }: { channelId: string; subjectType: SubjectType; subjectKey?: string | null; years: number; withSeal: boolean; medium: CertMedium },
): Promise<Quote> {
  const product = subjectType === "UNIT" ? ChannelProduct.UNIT_CERT : ChannelProduct.INDIVIDUAL_CERT;
  const rows = await client.channelPrice.findMany({ where: { channelId, product: { in: [product, ChannelProduct.SEAL, ChannelProduct.USB_KEY] } } });
  const price = (p: ChannelProduct, y: number) => rows.find((r) => r.product === p && r.years === y)?.priceFen;
  const certFen = price(product, years);
  if (certFen === undefined) throw new AppError("validation_failed", { fields: { years: ["wizard.errors.noPrice"] } });
  const sealFen = withSeal ? (price(ChannelProduct.SEAL, 1) ?? 0) : 0;
  const usbKeyFen = medium === CertMedium.USB_KEY ? (price(ChannelProduct.USB_KEY, 1) ?? 0) : 0;
  const isFree = subjectKey
    ? Boolean(await client.freeSubject.findUnique({ where: { channelId_subjectKey: { channelId, subjectKey } } }))
    : false;
  if (isFree) return { certFen: 0, sealFen: 0, usbKeyFen: 0, totalFen: 0, isFree };
  return { certFen, sealFen, usbKeyFen, totalFen: certFen + sealFen + usbKeyFen, isFree };
}
