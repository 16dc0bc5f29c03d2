import type { Tx } from "@/lib/db/client";
import { translator } from "@/lib/i18n/translate";
import { queueEmail } from "@/lib/server/notify/queue-email";
import { queueSms } from "@/lib/server/notify/queue-sms";
import { readDraft } from "@/lib/server/orders/order-draft.types";

/**
 * Tells the applicant the outcome by SMS, email and an inbox message, in the decision's
 * transaction: a decision that rolls back sends nothing. The inbox message links to the next step
 * (download on the phone, or the desk order to correct and resubmit).
 */
export async function notifyReviewOutcome(tx: Tx, { orderId, outcome, reason }: { orderId: string; outcome: "approved" | "approvedToPay" | "rejected"; reason?: string }) {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, include: { user: { select: { id: true, phone: true, email: true, locale: true } } } });
  const locale = order.user.locale === "en" ? "en" : "zh-CN";
  const t = translator(locale);
  if (outcome === "approvedToPay") return notifyChangeToPay(tx, { order, t, locale });
  const params = { no: order.no, subject: order.subjectName ?? "", reason: reason ?? "" };
  const isApproved = outcome === "approved";
  const title = t(isApproved ? "review.notify.approvedTitle" : "review.notify.rejectedTitle", params);
  const body = t(isApproved ? "review.notify.approvedBody" : "review.notify.rejectedBody", params);
  await tx.inboxMessage.create({
    data: { userId: order.user.id, title, body, link: isApproved ? `/m/download/${order.id}` : `/orders/${order.id}` },
  });
  await queueSms(tx, { to: order.user.phone, template: isApproved ? "review_approved" : "review_rejected", params, locale });
  const draft = readDraft(order.draft);
  const email = draft.handler?.email ?? draft.person?.email ?? order.user.email;
  if (email) await queueEmail(tx, { to: email, subject: title, text: body, template: `review_${outcome}` });
}

// 证书变更, or a new application on a channel paid after approval, approved: to be paid for on the desk
// (the download follows the payment).
async function notifyChangeToPay(
  tx: Tx,
  { order, t, locale }: { order: { id: string; no: string; kind: string; subjectName: string | null; priceFen: number | null; draft: unknown; user: { id: string; phone: string; email: string | null } }; t: ReturnType<typeof translator>; locale: "en" | "zh-CN" },
) {
  const params = { no: order.no, subject: order.subjectName ?? "", amount: `¥${((order.priceFen ?? 0) / 100).toFixed(2)}` };
  const isChange = order.kind === "CHANGE";
  const title = t(isChange ? "lifecycleChange.notify.approvedTitle" : "payAfterApproval.notify.title", params);
  const body = t(isChange ? "lifecycleChange.notify.approvedBody" : "payAfterApproval.notify.body", params);
  await tx.inboxMessage.create({ data: { userId: order.user.id, title, body, link: `/orders/${order.id}` } });
  await queueSms(tx, { to: order.user.phone, template: "order_submitted_AWAITING_PAYMENT", params, locale });
  const draft = readDraft(order.draft);
  const email = draft.enterprise ? order.user.email : (draft.person?.email ?? order.user.email);
  if (email) await queueEmail(tx, { to: email, subject: title, text: body, template: "review_approved" });
}
