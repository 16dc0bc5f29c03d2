import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { createMemberOrder } from "./create-member-order";
import { ensureMembership } from "./ensure-membership";
import { grantAuthorizationRows } from "./grant-authorization-rows";
import { notifyOrgRequest } from "./notify-org-request";

/**
 * The administrator's (or certificate administrator's) signed letter agreeing to a join or a certificate
 * request takes effect: PENDING_ADMIN → APPROVED (conditional), the joiner becomes a MEMBER, the requested
 * platforms are authorized (rows pointing at the letter), and the requester's enterprise certificate order
 * is created (its CA review is the order's review). In the letter's transaction.
 */
export async function applyApprovedRequest(tx: Tx, { orgId, requestId, signerId, signatureId }: { orgId: string; requestId: string; signerId: string; signatureId: string }) {
  const done = await tx.orgRequest.updateMany({
    where: { id: requestId, orgId, kind: { in: ["JOIN", "CERT"] }, status: "PENDING_ADMIN" },
    data: { status: "APPROVED", decidedById: signerId, decidedAt: new Date() },
  });
  if (done.count === 0) throw new AppError("conflict", { userMessage: "orgRequests.errors.notPending" });
  const request = await tx.orgRequest.findUniqueOrThrow({ where: { id: requestId } });
  const membership =
    request.kind === "JOIN"
      ? (await ensureMembership(tx, { orgId, userId: request.requesterId, role: "MEMBER", actorId: signerId, via: "join" })).membership
      : await tx.membership.findFirst({ where: { orgId, userId: request.requesterId, status: "ACTIVE" } });
  if (!membership) throw new AppError("conflict");
  await grantAuthorizationRows(tx, { orgId, membershipId: membership.id, platformIds: request.platformIds, grantedById: signerId, signatureId });
  const order = await createMemberOrder(tx, { requestId, orgId, userId: request.requesterId, years: request.years ?? 1, actorId: signerId });
  await writeAudit(tx, { actorId: signerId, action: "org.request_approved", targetType: "organization", targetId: orgId, data: { requestId, kind: request.kind, stage: "PENDING_ADMIN", to: "APPROVED" } });
  await notifyOrgRequest(tx, { toUserId: request.requesterId, orgId, kind: request.kind, link: `/orders/${order.id}`, event: "decided", outcome: "approved" });
  return order;
}
