import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { assertPermission } from "@/lib/server/auth/permissions";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { parseInput } from "@/lib/server/http/parse-input";
import { wakeWorker } from "@/lib/server/jobs/start-worker";
import { notifyOrgRequest } from "./notify-org-request";
import { swapPrimaryAdmin } from "./swap-primary-admin";
import { ZDecidePaperTransfer, type TDecidePaperTransfer } from "./org-requests.types";

/**
 * The CA's review of an administrator transfer on paper (the stamped form uploaded by the administrator):
 * approve → the roles swap (swapPrimaryAdmin via "paper": the requester must still be the administrator and
 * the target still an ACTIVE member, else CONFLICT / NOT_FOUND and nothing changes); reject → REJECTED with
 * the reason. One outcome under concurrency: PENDING_CA → APPROVED | REJECTED is a conditional update, in
 * one transaction with the audit row and the requester's messages. The reviewer needs orgs.review (the console permission for enterprise requests).
 */
export async function decidePaperTransfer(input: { reviewerId: string } & TDecidePaperTransfer) {
  const { reviewerId, ...rest } = input;
  const { requestId, decision, reason } = parseInput(ZDecidePaperTransfer, rest);
  const reviewer = await db.user.findUnique({ where: { id: reviewerId }, select: { id: true, role: true, disabledAt: true } });
  if (!reviewer || reviewer.disabledAt) throw new AppError("forbidden");
  assertPermission(reviewer, "orgs.review");

  const request = await db.orgRequest.findFirst({ where: { id: requestId, kind: "TRANSFER_ADMIN", paperKey: { not: null } } });
  if (!request) throw new AppError("not_found");
  const isApproved = decision === "approve";
  const result = await db.$transaction(async (tx) => {
    const done = await tx.orgRequest.updateMany({
      where: { id: requestId, status: "PENDING_CA" },
      data: { status: isApproved ? "APPROVED" : "REJECTED", decidedById: reviewerId, decidedAt: new Date(), reason: isApproved ? null : reason },
    });
    if (done.count === 0) throw new AppError("conflict", { userMessage: "orgRequests.errors.notPending" });
    if (isApproved) {
      await swapPrimaryAdmin(tx, { orgId: request.orgId, fromUserId: request.requesterId, toUserId: request.targetUserId!, actorId: reviewerId, via: "paper", requestId });
      await writeAudit(tx, { actorId: reviewerId, action: "org.request_approved", targetType: "organization", targetId: request.orgId, data: { requestId, kind: request.kind, stage: "PENDING_CA", to: "APPROVED" } });
    } else {
      await writeAudit(tx, { actorId: reviewerId, action: "org.request_rejected", targetType: "organization", targetId: request.orgId, data: { requestId, kind: request.kind, stage: "PENDING_CA", reason: reason! } });
    }
    const link = `/org/${request.orgId}/transfer`;
    const notice = { orgId: request.orgId, kind: request.kind, link, event: "decided" as const, outcome: isApproved ? ("approved" as const) : ("rejected" as const), reason };
    await notifyOrgRequest(tx, { toUserId: request.requesterId, ...notice });
    if (request.targetUserId) await notifyOrgRequest(tx, { toUserId: request.targetUserId, ...notice });
    return { requestId, status: isApproved ? ("APPROVED" as const) : ("REJECTED" as const) };
  });
  wakeWorker();
  return result;
}
