import type { Tx } from "@/lib/db/client";
import type { OrgRequestKind } from "@/lib/generated/prisma/enums";
import { translator } from "@/lib/i18n/translate";
import { queueEmail } from "@/lib/server/notify/queue-email";
import { queueSms } from "@/lib/server/notify/queue-sms";

type Notice =
  | { event: "received"; requesterId: string }
  | { event: "decided"; outcome: "approved" | "rejected"; reason?: string | null };

/**
 * Tells one person about an enterprise request, in the caller's transaction (a decision that rolls back
 * sends nothing): an inbox message, an SMS and an email where the user has one. "received" goes to whoever
 * must answer (加入企业申领 to the administrator), "decided" to the requester after every decision.
 */
export async function notifyOrgRequest(tx: Tx, { toUserId, orgId, kind, link, ...notice }: { toUserId: string; orgId: string; kind: OrgRequestKind; link: string } & Notice) {
  const [to, org] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { id: toUserId }, select: { id: true, phone: true, email: true, locale: true } }),
    tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { name: true } }),
  ]);
  const locale = to.locale === "en" ? "en" : "zh-CN";
  const t = translator(locale);
  const kindText = t(`orgRequests.kind.${kind}`);
  let title: string;
  let body: string;
  if (notice.event === "received") {
    const requester = await tx.user.findUniqueOrThrow({ where: { id: notice.requesterId }, select: { name: true, realName: true } });
    const params = { requester: requester.realName ?? requester.name ?? "", org: org.name, kind: kindText };
    title = t("orgRequests.notify.receivedTitle", params);
    body = t("orgRequests.notify.receivedBody", params);
    await queueSms(tx, { to: to.phone, template: "org_request_received", params, locale });
  } else {
    const outcome = t(`orgRequests.outcome.${notice.outcome}`);
    const reason = notice.reason ? t("orgRequests.notify.reasonPrefix", { reason: notice.reason }) : "";
    const params = { org: org.name, kind: kindText, outcome, reason };
    title = t("orgRequests.notify.decidedTitle", params);
    body = t("orgRequests.notify.decidedBody", params).trim();
    await queueSms(tx, { to: to.phone, template: "org_request_decided", params, locale });
  }
  await tx.inboxMessage.create({ data: { userId: to.id, title, body, link } });
  if (to.email) await queueEmail(tx, { to: to.email, subject: title, text: body, template: `org_request_${notice.event}` });
}
