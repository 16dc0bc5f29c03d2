import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createCertRequest } from "@/lib/server/org/create-cert-request";
import { hasOrgPermission } from "@/lib/server/org/org-permissions";
import { createOrder } from "./create-order";
import { readDraft, type TOrderDraft } from "./order-draft.types";
import { orderWhere } from "./order-where";
import { wizardPath } from "./wizard-steps";

/** Is a certificate over (重新申请 is offered): revoked, or past its end whatever its stored status. */
export function isReapplicable(cert: { status: string; notAfter: Date }, now = new Date()) {
  return cert.status === "REVOKED" || cert.status === "EXPIRED" || cert.notAfter <= now;
}

/**
 * 重新申请 for an expired or revoked certificate: a NEW order of the same subject, channel and
 * platform, its draft copied from the old order (or, for an enterprise order without one, from the
 * Organization as registered), through the ordinary wizard. Identity checks, the agreement and the
 * signature are not copied: they are made again. One unfinished order per subject still holds
 * (claimSubject), so parallel clicks give one order. An enterprise member without certs.manage
 * re-applies through the enterprise (a certificate request the administrator answers, issue 12), for the
 * platforms they are authorized on (else the old order's).
 */
export async function reapplyCertificate({ userId, certificateId, ip, now = new Date() }: { userId: string; certificateId: string; ip?: string; now?: Date }) {
  const cert = await db.certificate.findFirst({
    where: { id: certificateId, order: orderWhere({ userId }) },
    select: {
      serialHex: true,
      status: true,
      notAfter: true,
      subjectName: true,
      order: {
        select: {
          subjectType: true,
          subjectKey: true,
          subjectName: true,
          platformId: true,
          orgId: true,
          verificationMethod: true,
          draft: true,
          channel: { select: { code: true } },
          org: { select: { name: true, uscc: true, legalRepName: true, legalRepIdType: true, legalRepIdNumber: true, legalRepPhone: true } },
        },
      },
    },
  });
  if (!cert?.order?.subjectKey) throw new AppError("not_found");
  if (!isReapplicable(cert, now)) throw new AppError("conflict", { userMessage: "lifecycleLookup.errors.notReapplicable" });
  const old = cert.order;
  if (old.orgId) {
    const membership = await db.membership.findFirst({ where: { orgId: old.orgId, userId, status: "ACTIVE" }, select: { id: true, role: true } });
    if (membership && !hasOrgPermission(membership.role, "certs.manage")) {
      const authorized = await db.platformAuthorization.findMany({ where: { membershipId: membership.id, status: "ACTIVE" }, select: { platformId: true } });
      const platformIds = authorized.length > 0 ? authorized.map((a) => a.platformId) : old.platformId ? [old.platformId] : [];
      const years = readDraft(old.draft).goods?.years ?? 1;
      const request = await createCertRequest({ userId, input: { orgId: old.orgId, platformIds, years } });
      return { ...request, nextPath: `/org/${old.orgId}/requests` };
    }
  }

  const was = readDraft(old.draft);
  const draft: TOrderDraft = {};
  if (was.person) draft.person = was.person;
  if (was.handler) draft.handler = was.handler;
  if (was.goods) draft.goods = was.goods;
  if (was.authorizationMode) draft.authorizationMode = was.authorizationMode;
  if (was.enterprise) draft.enterprise = was.enterprise;
  else if (old.subjectType === "UNIT" && old.org?.legalRepPhone) {
    const o = old.org;
    draft.enterprise = { name: o.name, uscc: o.uscc, legalRepName: o.legalRepName, legalRepIdType: o.legalRepIdType, legalRepIdNumber: o.legalRepIdNumber, legalRepPhone: o.legalRepPhone! };
  }

  const order = await createOrder({
    userId,
    subjectType: old.subjectType,
    channelCode: old.channel.code,
    platformId: old.platformId,
    subject: { key: old.subjectKey!, name: old.subjectName ?? cert.subjectName },
    ip,
  });
  await db.$transaction(async (tx) => {
    await tx.order.update({
      where: { id: order.id },
      data: { draft: draft as Prisma.InputJsonValue, verificationMethod: old.verificationMethod },
    });
    await tx.orderEvent.create({ data: { orderId: order.id, type: "reapplied", actorId: userId, note: `certificate ${cert.serialHex}` } });
  });
  return { orderId: order.id, nextPath: wizardPath({ id: order.id, subjectType: old.subjectType }, "method") };
}
