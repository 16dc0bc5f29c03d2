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
export async function notifyReviewOutcome(tx: Tx, { orderId, outcome, reason }: { orderId: string; outcome: "approved" | "rejected"; reason?: string }) {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, include: { user: { select: { id: true, phone: true, email: true, locale: true } } } });
  const locale = order.user.locale === "en" ? "en" : "zh-CN";
  const t = translator(locale);
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
