import { CertMedium } from "@/lib/generated/prisma/enums";
import { createPdfDocument } from "@/lib/pdf/create-document";
import { translator } from "@/lib/i18n/translate";
import { maskBankCard, maskIdNumber } from "@/lib/validators/mask";
import { getOrderForUser } from "./get-order-for-user";
import { readDraft } from "./order-draft.types";

const yuan = (fen: number | null) => `¥${((fen ?? 0) / 100).toFixed(2)}`;

/**
 * The printable application form of the mail-in path (线下邮寄): the applicant prints it, signs and
 * stamps it and mails it with copies of the documents. Chinese, like every paper filed with the CA.
 */
export async function renderApplicationForm({ userId, orderId }: { userId: string; orderId: string }) {
  const order = await getOrderForUser({ userId, orderId });
  const t = translator("zh-CN");
  const { enterprise, person, handler, goods } = readDraft(order.draft);
  // Once submitted the form is a copy for the post, reachable by whoever holds the account's
  // session (a stolen phone too): ID numbers are masked there, as the reviewer matches them
  // against the enclosed ID copies anyway. While drafting, the applicant sees what they typed.
  const id = (value: string | undefined) => (value && order.status !== "DRAFT" ? maskIdNumber(value) : value);
  const f = (key: Parameters<typeof t>[0], value: string | number | undefined | null) => `${t(key)}：${value ?? "—"}`;
  const sections = [
    { heading: t("wizard.form.orderSection"), lines: [f("wizard.form.orderNo", order.no), f("wizard.form.amount", yuan(order.priceFen)), f("wizard.form.years", order.years), f("wizard.form.medium", order.medium === CertMedium.USB_KEY ? t("wizard.goods.usbKey") : t("wizard.goods.cloud"))] },
    enterprise && { heading: t("wizard.form.enterpriseSection"), lines: [f("wizard.enterprise.name", enterprise.name), f("wizard.enterprise.uscc", enterprise.uscc), f("wizard.enterprise.legalRepName", enterprise.legalRepName), f("wizard.enterprise.legalRepIdNumber", id(enterprise.legalRepIdNumber)), f("wizard.enterprise.legalRepPhone", enterprise.legalRepPhone)] },
    handler && { heading: t("wizard.form.handlerSection"), lines: [f("wizard.handler.name", handler.name), f("wizard.handler.idNumber", id(handler.idNumber)), f("wizard.handler.phone", handler.phone), f("wizard.handler.email", handler.email)] },
    person && { heading: t("wizard.form.personSection"), lines: [f("wizard.person.name", person.name), f("wizard.person.idNumber", id(person.idNumber)), f("wizard.person.phone", person.phone), f("wizard.person.email", person.email), person.bankCard ? f("wizard.person.bankCard", maskBankCard(person.bankCard)) : ""].filter(Boolean) },
    goods?.shipping && { heading: t("wizard.goods.shippingTitle"), lines: [f("wizard.goods.recipient", goods.shipping.recipient), f("wizard.goods.shippingPhone", goods.shipping.phone), f("wizard.goods.address", goods.shipping.address)] },
    { heading: t("wizard.form.mailSection"), lines: [t("wizard.form.mailTo", { address: order.channel.mailingAddress ?? "" }), t(order.subjectType === "UNIT" ? "wizard.form.enclosuresUnit" : "wizard.form.enclosuresPerson")] },
    { heading: t("wizard.form.signSection"), lines: [t(order.subjectType === "UNIT" ? "wizard.form.signUnit" : "wizard.form.signPerson"), t("wizard.form.date")] },
  ].filter((s): s is { heading: string; lines: string[] } => Boolean(s));
  const bytes = await createPdfDocument({ title: t("wizard.form.title"), sections });
  return { bytes, filename: `${order.no}-application.pdf` };
}
