import { db } from "@/lib/db/client";
import { listCertPrices } from "@/lib/server/channels/list-cert-prices";
import { readDraft } from "./order-draft.types";
import { stepBefore, wizardPath } from "./wizard-steps";
import type { WizardStepContext } from "./wizard-order.types";

/** The goods step: the channel's prices, the active trading platforms, whether the subject is free, the invoice defaults. */
export async function loadGoodsStep({ order }: WizardStepContext) {
  const draft = readDraft(order.draft);
  const [prices, platforms, free] = await Promise.all([
    listCertPrices(db, { channelId: order.channelId, subjectType: order.subjectType, offerUsbKey: order.channel.offerUsbKey }),
    db.tradingPlatform.findMany({ where: { active: true, isDesk: false }, select: { id: true, name: true, nameEn: true }, orderBy: { name: "asc" } }),
    order.subjectKey ? db.freeSubject.findUnique({ where: { channelId_subjectKey: { channelId: order.channelId, subjectKey: order.subjectKey } } }) : null,
  ]);
  const isUnit = order.subjectType === "UNIT";
  return {
    orderId: order.id,
    isUnit,
    prices,
    isFree: Boolean(free),
    platforms,
    allowNoInvoice: order.channel.allowNoInvoice,
    invoiceHeader: (isUnit ? draft.enterprise?.name : draft.person?.name) ?? "",
    taxNumber: isUnit ? (draft.enterprise?.uscc ?? null) : null,
    // The invoice's 开户行及账号 are the 对公账户 of step 2 (typed there once), until the applicant changes them.
    invoiceBank: isUnit && draft.enterprise?.bankAccount
      ? { bank: [draft.enterprise.bankName, draft.enterprise.bankBranch].filter(Boolean).join(" ").slice(0, 100), account: draft.enterprise.bankAccount }
      : null,
    defaults: draft.goods,
    backHref: wizardPath(order, stepBefore(order, "goods")),
  };
}
