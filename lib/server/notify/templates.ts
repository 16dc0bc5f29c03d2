import type { CodePurpose } from "@/lib/generated/prisma/enums";
import type { SMS_NOTICE_TEMPLATES } from "@/lib/env";
import { translator } from "@/lib/i18n/translate";
import type { Locale } from "@/lib/i18n/locales";
import type { MessageKey } from "@/lib/i18n/catalogue";

export type SmsNoticeTemplate = (typeof SMS_NOTICE_TEMPLATES)[number];
export type SmsTemplate = `code_${CodePurpose}` | SmsNoticeTemplate;

// The wording of each notice: the catalogue text the desk already shows (or e-mails), behind the
// gateway's signature. What a gateway is given is the template id and these variables, in order.
const NOTICE_TEXT: Record<SmsNoticeTemplate, MessageKey> = {
  face_link: "identity.face.smsText",
  authorization_link: "wizard.authorization.sms",
  order_submitted_AWAITING_PAYMENT: "orders.notify.submitted_AWAITING_PAYMENT",
  order_submitted_IN_REVIEW: "orders.notify.submitted_IN_REVIEW",
  order_submitted_APPROVED: "orders.notify.submitted_APPROVED",
  order_submitted_AWAITING_PAPER: "orders.notify.submitted_AWAITING_PAPER",
  order_paid_IN_REVIEW: "orders.notify.paid_IN_REVIEW",
  order_paid_APPROVED: "orders.notify.paid_APPROVED",
  order_paid_AWAITING_PAPER: "orders.notify.paid_AWAITING_PAPER",
  review_approved: "review.notify.approvedBody",
  review_rejected: "review.notify.rejectedBody",
  pin_reset_notice: "phone.pinReset.noticeBody",
  org_request_received: "orgRequests.notify.receivedBody",
  org_request_decided: "orgRequests.notify.decidedBody",
  cert_expiring: "lifecycleRenew.notify.expiringSms",
  revocation_refused: "lifecycleRevoke.notify.refusedBody",
  shipment_shipped: "shipping.notify.shippedBody",
};

const messageKeyOf = (template: SmsTemplate): MessageKey =>
  template.startsWith("code_") ? (`sms.${template}` as MessageKey) : NOTICE_TEXT[template as SmsNoticeTemplate];

export function renderSms(template: SmsTemplate, params: Record<string, string>, locale: Locale): string {
  const t = translator(locale);
  const text = t(messageKeyOf(template), params);
  return template.startsWith("code_") ? text : t("sms.notice", { text });
}

/** A template's variables in the order its (zh-CN) text uses them: Tencent's templates are positional ({1}, {2} …). */
export function smsTemplateVariables(template: SmsTemplate): string[] {
  const text = translator("zh-CN")(messageKeyOf(template));
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))];
}
