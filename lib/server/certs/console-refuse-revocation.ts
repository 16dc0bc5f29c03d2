import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { translator } from "@/lib/i18n/translate";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertPermission } from "@/lib/server/auth/permissions";
import { queueEmail } from "@/lib/server/notify/queue-email";
import { queueSms } from "@/lib/server/notify/queue-sms";
import { readDraft } from "@/lib/server/orders/order-draft.types";
import { transitionOrder } from "@/lib/server/orders/transition-order";
import { ZRefuseRevocationSchema } from "./console-certificate.types";

/**
 * 驳回 of a holder's desk revocation request (Channel.reviewDeskRevocations) by a CA operator
 * (certs.revoke) with a reason the holder reads: the PENDING request becomes CANCELLED (shown as
 * 已驳回), its REVOKE order IN_REVIEW → REJECTED with the reason, the certificate stays VALID, the
 * holder is told by SMS, email and an inbox message, all in one transaction. One outcome against a
 * racing confirmation: both decide the request by a conditional update of its PENDING row
 * (consoleRevokeCertificate's APPROVED one), so the loser finds nothing to decide and gets a conflict.
 * Only desk requests (with an order) are refused here; the holder-operator cannot refuse their own.
 */
export async function consoleRefuseRevocation({ operator, certificateId, input, ip }: { operator: { id: string; role: Role }; certificateId: string; input: unknown; ip?: string }) {
  assertPermission(operator, "certs.revoke");
  const { requestId, reason } = ZRefuseRevocationSchema.parse(input);
  return db.$transaction(async (tx) => {
    const request = await tx.revocationRequest.findUnique({ where: { id: requestId }, select: { id: true, certificateId: true, orderId: true, requestedById: true, certificate: { select: { serialHex: true } } } });
    if (!request || request.certificateId !== certificateId || !request.orderId) throw new AppError("not_found");
    if (request.requestedById === operator.id) throw new AppError("conflict", { userMessage: "lifecycleRevoke.errors.ownRequest" });
    const { count } = await tx.revocationRequest.updateMany({
      where: { id: requestId, status: "PENDING" },
      data: { status: "CANCELLED", decidedById: operator.id, decidedAt: new Date() },
    });
    if (count === 0) throw new AppError("conflict", { userMessage: "lifecycleRevoke.errors.alreadyDecided" });
    await transitionOrder(tx, { orderId: request.orderId, to: "REJECTED", actorId: operator.id, type: "rejected", note: reason, ip, data: { rejectReason: reason } });
    await writeAudit(tx, { actorId: operator.id, ip, action: "certificate.revocation_refused", targetType: "Certificate", targetId: certificateId, data: { serialHex: request.certificate.serialHex, requestId, orderId: request.orderId } });

    const order = await tx.order.findUniqueOrThrow({ where: { id: request.orderId }, include: { user: { select: { id: true, phone: true, email: true, locale: true } } } });
    const locale = order.user.locale === "en" ? "en" : "zh-CN";
    const t = translator(locale);
    const params = { no: order.no, subject: order.subjectName ?? "", reason };
    const title = t("lifecycleRevoke.notify.refusedTitle", params);
    const body = t("lifecycleRevoke.notify.refusedBody", params);
    await tx.inboxMessage.create({ data: { userId: order.user.id, title, body, link: `/orders/${order.id}` } });
    await queueSms(tx, { to: order.user.phone, template: "revocation_refused", params, locale });
    const draft = readDraft(order.draft);
    const email = draft.handler?.email ?? draft.person?.email ?? order.user.email;
    if (email) await queueEmail(tx, { to: email, subject: title, text: body, template: "revocation_refused" });
    return { status: "refused" as const, orderId: order.id };
  });
}
