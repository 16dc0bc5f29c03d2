import { CertMedium } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { quoteOrder } from "@/lib/server/channels/quote-order";
import { advanceStep } from "./advance-step";
import { getDraftOrder } from "./get-draft-order";
import { readDraft } from "./order-draft.types";
import { ZGoodsStepSchema } from "./save-goods-step.types";

/** Step 4: validity, medium, seal, invoice and trading platform; the price is looked up here, never taken from the form. */
export async function saveGoodsStep({ userId, orderId, input }: { userId: string; orderId: string; input: unknown }) {
  const goods = ZGoodsStepSchema.parse(input);
  return db.$transaction(async (tx) => {
    const order = await getDraftOrder(tx, { userId, orderId });
    if (!order.subjectKey) throw new AppError("conflict", { userMessage: "wizard.errors.previousStepMissing" });
    if (!goods.invoice.wanted && !order.channel.allowNoInvoice) {
      throw new AppError("validation_failed", { fields: { "invoice.wanted": ["wizard.errors.invoiceRequired"] } });
    }
    // A channel that does not offer the USB Key (Channel.offerUsbKey) sells none, whatever the form sent.
    if (goods.medium === CertMedium.USB_KEY && !order.channel.offerUsbKey) {
      throw new AppError("validation_failed", { fields: { medium: ["wizard.errors.usbKeyNotOffered"] } });
    }
    const platformId = goods.platformId || null;
    if (platformId && !(await tx.tradingPlatform.findFirst({ where: { id: platformId, active: true, isDesk: false }, select: { id: true } }))) {
      throw new AppError("validation_failed", { fields: { platformId: ["wizard.errors.platformUnknown"] } });
    }
    // Seals are for units; an individual's form cannot add one.
    const withSeal = order.subjectType === "UNIT" && goods.withSeal;
    const shipping = goods.medium === CertMedium.USB_KEY ? goods.shipping : undefined;
    const quote = await quoteOrder(tx, { channelId: order.channelId, subjectType: order.subjectType, subjectKey: order.subjectKey, years: goods.years, withSeal, medium: goods.medium });
    const draft = readDraft(order.draft);
    await tx.order.update({
      where: { id: orderId },
      data: { draft: { ...draft, goods: { ...goods, withSeal, shipping } }, years: goods.years, medium: goods.medium, withSeal, platformId, priceFen: quote.totalFen },
    });
    return { quote, nextPath: await advanceStep({ orderId, step: "goods" }, tx) };
  });
}
