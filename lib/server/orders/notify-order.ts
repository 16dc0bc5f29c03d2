import type { Tx } from "@/lib/db/client";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { translator } from "@/lib/i18n/translate";
import { queueEmail } from "@/lib/server/notify/queue-email";
import { queueSms } from "@/lib/server/notify/queue-sms";
import type { SmsNoticeTemplate } from "@/lib/server/notify/templates";
import { readDraft } from "./order-draft.types";

const FORMATTED = (fen: number | null) => `¥${((fen ?? 0) / 100).toFixed(2)}`;

/**
 * SMS to the account's phone and email to the handler / applicant, in the same transaction as the
 * change (so a rolled-back submission sends nothing). The text follows the status the order reached.
 */
export async function notifyOrder(tx: Tx, { orderId, event }: { orderId: string; event: "submitted" | "paid" }) {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, include: { user: true, channel: true } });
  const locale = order.user.locale === "en" ? "en" : "zh-CN";
  const t = translator(locale);
  const params = { no: order.no, amount: FORMATTED(order.priceFen), address: order.channel.mailingAddress ?? "" };
  const key = `orders.notify.${event}_${order.status}` as MessageKey;
  const text = t(key, params);
  if (text === key) return; // no message for this combination (e.g. a free order "paid")
  await queueSms(tx, { to: order.user.phone, template: `order_${event}_${order.status}` as SmsNoticeTemplate, params, locale });
  const draft = readDraft(order.draft);
  const email = draft.handler?.email ?? draft.person?.email ?? order.user.email;
  if (email) {
    await queueEmail(tx, { to: email, subject: t("orders.notify.emailSubject", params), text, template: `order_${event}` });
  }
}
