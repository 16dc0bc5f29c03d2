import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { assertPermission } from "@/lib/server/auth/permissions";
import { db } from "@/lib/db/client";
import { reasonName } from "./revoke-reason-name";

/**
 * A certificate's console page: the certificate, the other half of its pair, its history (the orders
 * of its subject: the application and any lifecycle order), its revocation (time, reason, requests
 * awaiting a second operator) and its usage records (the platforms' scan requests it answered).
 */
export async function consoleGetCertificate({ user, certificateId }: { user: { id: string; role: Role }; certificateId: string }) {
  assertPermission(user, "orders.viewAll");
  const c = await db.certificate.findUnique({
    where: { id: certificateId },
    select: {
      id: true, serialHex: true, usage: true, subjectType: true, subjectDn: true, subjectName: true, status: true, notBefore: true, notAfter: true, revokedAt: true, revocationReason: true, orderId: true, userId: true, fingerprint: true,
      user: { select: { phone: true, name: true } },
      org: { select: { id: true, name: true, uscc: true } },
      order: { select: { id: true, no: true, subjectKey: true, channel: { select: { name: true, requireTwoReviewers: true } } } },
      revocationRequests: { orderBy: { createdAt: "desc" }, select: { id: true, orderId: true, reason: true, note: true, status: true, createdAt: true, decidedAt: true, requestedById: true, requestedBy: { select: { name: true, phone: true } }, decidedBy: { select: { name: true, phone: true } } } },
    },
  });
  if (!c) throw new AppError("not_found");
  const subjectKey = c.order?.subjectKey ?? null;
  const [pair, orders, usage, revokedAudit] = await Promise.all([
    c.orderId ? db.certificate.findMany({ where: { orderId: c.orderId, id: { not: c.id } }, select: { id: true, serialHex: true, usage: true, status: true } }) : Promise.resolve([]),
    db.order.findMany({
      where: { OR: [...(c.orderId ? [{ id: c.orderId }] : []), ...(subjectKey ? [{ subjectKey, userId: c.userId ?? undefined }] : [])] },
      orderBy: { createdAt: "asc" },
      select: { id: true, no: true, kind: true, status: true, createdAt: true, completedAt: true },
    }),
    db.scanRequest.findMany({ where: { certificateId: c.id }, orderBy: { createdAt: "desc" }, take: 50, select: { id: true, type: true, status: true, createdAt: true, completedAt: true, platform: { select: { name: true } } } }),
    db.auditLog.findFirst({ where: { action: "certificate.revoked", targetType: "Certificate", targetId: c.id }, select: { actorId: true, at: true, actor: { select: { name: true, phone: true, role: true } } } }),
  ]);
  const pending = c.revocationRequests.find((r) => r.status === "PENDING") ?? null;
  // 证书变更 in both directions: the change order that superseded this pair (and its new signing
  // certificate), or the certificate this pair's change order superseded.
  const pairIds = [c.id, ...pair.map((p) => p.id)];
  const supersedingOrder = await db.order.findFirst({
    where: { kind: "CHANGE", status: "COMPLETED", changesCertificateId: { in: pairIds } },
    select: { id: true, no: true, certificates: { where: { usage: "SIGN" }, select: { id: true, serialHex: true } } },
  });
  const changeOrder = c.orderId ? await db.order.findFirst({ where: { id: c.orderId, kind: "CHANGE" }, select: { no: true, changesCertificate: { select: { id: true, serialHex: true } } } }) : null;
  return {
    certificate: { ...c, revocationReasonName: c.revocationReason === null ? null : reasonName(c.revocationReason) },
    pair,
    orders,
    supersededBy: supersedingOrder ? { orderNo: supersedingOrder.no, certificate: supersedingOrder.certificates[0] ?? null } : null,
    changes: changeOrder?.changesCertificate ?? null,
    usage: usage.map((u) => ({ ...u, platformName: u.platform.name })),
    revokedBy: revokedAudit?.actor ?? null,
    pending,
    canConfirmPending: Boolean(pending && pending.requestedById !== user.id),
    isFourEyes: Boolean(c.order?.channel.requireTwoReviewers),
  };
}
