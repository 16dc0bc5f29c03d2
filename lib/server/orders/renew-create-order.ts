import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { renewBlock } from "@/lib/server/certs/renew-eligibility";
import { requireMember } from "@/lib/server/org/require-member";
import { generateOrderNo } from "./generate-order-no";
import { readDraft, type TOrderDraft } from "./order-draft.types";
import type { TRenewDraft } from "./renew-draft";
import { wizardPath, wizardSteps } from "./wizard-steps";

/**
 * 续期: opens a RENEW order (a draft of the RENEW wizard) for the caller's signing certificate, within
 * 90 days of its expiry. The certificate's information (enterprise or person, handler) is copied from
 * the order it was issued for; the identity checks are not (the handler is checked again). An
 * enterprise certificate needs certs.manage (ADMIN, CERT_ADMIN), whose phone then signs the renewal by
 * SMS code; a MEMBER gets FORBIDDEN here and asks through the enterprise (renewByMember). The
 * certificate row is locked, so parallel clicks open one renewal.
 */
export async function createRenewOrder({ userId, certificateId, now = new Date(), ip }: { userId: string; certificateId: string; now?: Date; ip?: string }) {
  const order = await db.$transaction(async (tx) => {
    const found = await tx.certificate.findFirst({ where: { id: certificateId, userId, usage: "SIGN" }, select: { id: true, orgId: true } });
    if (!found) throw new AppError("not_found");
    const membership = found.orgId ? await requireMember({ userId, orgId: found.orgId, permission: "certs.manage" }, tx) : null;
    await tx.$queryRaw`SELECT id FROM "Certificate" WHERE id = ${certificateId} FOR UPDATE`;
    const cert = await tx.certificate.findUniqueOrThrow({
      where: { id: certificateId },
      include: { renewals: { select: { status: true } }, order: { include: { channel: { select: { renewalNeedsMaterials: true } } } }, user: { select: { phone: true } } },
    });
    const block = renewBlock(cert, now);
    if (block) throw new AppError("conflict", { userMessage: block === "renewed" || block === "inProgress" ? "lifecycleRenew.errors.alreadyRenewed" : "lifecycleRenew.errors.notRenewable" });
    const source = cert.order;
    if (!source) throw new AppError("conflict", { userMessage: "lifecycleRenew.errors.noSourceOrder" });
    const was = readDraft(source.draft);
    const draft: TOrderDraft & TRenewDraft = {
      enterprise: was.enterprise,
      person: was.person,
      handler: was.handler,
      ...(membership && cert.user ? { renewal: { approverPhone: cert.user.phone } } : {}),
      // The channel asks for renewal materials and the CA review (renew-draft.ts).
      ...(source.channel.renewalNeedsMaterials ? { renewReview: true as const } : {}),
    };
    const row = { kind: "RENEW" as const, subjectType: cert.subjectType, offline: false };
    const created = await tx.order.create({
      data: {
        no: generateOrderNo(),
        userId,
        channelId: source.channelId,
        platformId: source.platformId,
        orgId: cert.orgId,
        ...row,
        subjectKey: source.subjectKey,
        subjectName: cert.subjectName,
        // The individual's own check (phone, bank card or face) reuses the original method; a deposit
        // takes days, so that holder is checked by phone instead (as a desk revocation does).
        verificationMethod: cert.subjectType === "INDIVIDUAL" && source.verificationMethod === "PERSONAL_DEPOSIT" ? "PHONE3" : source.verificationMethod,
        renewsCertificateId: cert.id,
        step: wizardSteps(row)[0]!,
        draft: draft as object,
      },
    });
    await tx.orderEvent.create({ data: { orderId: created.id, type: "created", toStatus: "DRAFT", actorId: userId, note: `renews ${cert.serialHex}` } });
    await writeAudit(tx, { actorId: userId, action: "order.created", targetType: "Order", targetId: created.id, data: { no: created.no, subjectType: created.subjectType }, ip });
    return created;
  });
  return { orderId: order.id, nextPath: wizardPath(order, order.step) };
}
