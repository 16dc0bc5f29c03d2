import { readReissueDraft } from "@/lib/server/orders/reissue-draft";
import { ReviewDecision } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { assertPermission } from "@/lib/server/auth/permissions";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/db/client";
import { readDraft } from "@/lib/server/orders/order-draft.types";
import { changeRows } from "@/lib/server/orders/change-diff";

/**
 * Everything a reviewer weighs on one order: the subject and handler as entered, each identity
 * check with its evidence, the current materials, the legal rep's authorization, the signed
 * application, payments and earlier decisions. Callers without "orders.viewAll" get FORBIDDEN
 * here, and the order page turns that into a 403 before it ever reaches this function.
 */
export async function getReviewOrder({ user, orderId }: { user: Pick<SessionUser, "id" | "role">; orderId: string }) {
  assertPermission(user, "orders.viewAll");
  const order = await db.order.findUnique({
    where: { id: orderId },
    include: {
      user: { select: { id: true, phone: true, name: true, email: true } },
      channel: { select: { code: true, name: true, nameEn: true, requireTwoReviewers: true } },
      platform: { select: { name: true, nameEn: true } },
      org: { select: { id: true, name: true, uscc: true, legalRepName: true, legalRepIdNumber: true, legalRepPhone: true } },
      identityChecks: { orderBy: { createdAt: "asc" } },
      materials: { where: { replacedAt: null }, orderBy: { createdAt: "asc" } },
      authorizations: { orderBy: { createdAt: "desc" } },
      payments: { orderBy: { createdAt: "desc" } },
      invoices: { where: { supersededAt: null }, select: { id: true, number: true, title: true, amountFen: true, issuedAt: true } },
      reviews: { orderBy: { createdAt: "asc" } },
      events: { orderBy: { at: "asc" } },
    },
  });
  if (!order) throw new AppError("not_found");
  const reviewerIds = [...new Set(order.reviews.map((r) => r.reviewerId))];
  const reviewers = await db.user.findMany({ where: { id: { in: reviewerIds } }, select: { id: true, name: true, phone: true } });
  const reviewerName = new Map(reviewers.map((r) => [r.id, r.name ?? r.phone]));
  // A member's order (a join or a certificate request the enterprise agreed to): which, and whose letter.
  const orgRequest = order.orgId ? await db.orgRequest.findUnique({ where: { orderId }, select: { kind: true, decidedById: true, decidedAt: true } }) : null;
  const currentRound = order.reviews.filter((r) => r.round === order.reviewRound);
  // 证书变更: the certificate it changes and the details before and after.
  const draft = readDraft(order.draft);
  const changed = order.kind === "CHANGE" && order.changesCertificateId ? await db.certificate.findUnique({ where: { id: order.changesCertificateId }, select: { id: true, serialHex: true, status: true } }) : null;
  const change = changed && draft.change ? { certificateId: changed.id, serialHex: changed.serialHex, status: changed.status, rows: changeRows(draft.change.before, draft) } : null;
  // 证书补办: the signing certificate it replaces and the encryption key's recovery this review releases.
  const reissueOf = order.kind === "REISSUE" ? readReissueDraft(order.draft).reissue : undefined;
  const reissue = reissueOf
    ? {
        serialHex: (await db.certificate.findUnique({ where: { id: reissueOf.certificateId }, select: { serialHex: true } }))?.serialHex ?? "",
        recoveryStatus: (await db.keyRecovery.findUnique({ where: { id: reissueOf.recoveryId }, select: { status: true } }))?.status ?? null,
      }
    : null;
  return {
    ...order,
    draft,
    orgRequest,
    change,
    reissue,
    reviews: order.reviews.map((r) => ({ ...r, reviewerName: reviewerName.get(r.reviewerId) ?? r.reviewerId })),
    approvals: currentRound.filter((r) => r.decision === ReviewDecision.APPROVE).length,
    approvalsNeeded: order.channel.requireTwoReviewers ? 2 : 1,
    isReviewedByMe: currentRound.some((r) => r.reviewerId === user.id),
  };
}
