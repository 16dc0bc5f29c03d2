import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { parseInput } from "@/lib/server/http/parse-input";
import { wakeWorker } from "@/lib/server/jobs/start-worker";
import { composeOrgLetter } from "./compose-org-letter";
import { notifyOrgRequest } from "./notify-org-request";
import { ZDecision, type TDecision } from "./org-requests.types";
import { adminStagePermission, notifyStage } from "./request-stage";
import { requireMember } from "./require-member";
import { startOrgSignature } from "./start-org-signature";

export type TDecideResult =
  | { outcome: "rejected"; status: "REJECTED" }
  | { outcome: "forwarded"; status: "PENDING_ADMIN" }
  | { outcome: "sign"; signatureId: string; qrContent: string; expiresAt: string; letterText: string };

/**
 * A decision on a join or certificate request at its current stage. The legal person (approvals.legalRep)
 * approves PENDING_LEGAL_REP → PENDING_ADMIN; the administrator (members.manage for joins, certs.manage for
 * certificate requests) approves by signing the authorization letter on the phone (returns the letter's QR;
 * the request is APPROVED when the letter is applied). Either rejects with a reason → REJECTED. Each change
 * is a conditional update on the stage (one outcome under concurrency) with its audit row and the
 * requester's messages. Outsiders: NOT_FOUND; members without the stage's permission: FORBIDDEN.
 */
export async function decideOrgRequest({ userId, input }: { userId: string; input: TDecision }): Promise<TDecideResult> {
  const { requestId, decision, reason } = parseInput(ZDecision, input);
  const request = await db.orgRequest.findUnique({ where: { id: requestId } });
  if (!request || request.kind === "TRANSFER_ADMIN") {
    // An id of another organization reveals nothing; a transfer is decided by its own signature or the CA.
    if (request) await requireMember({ userId, orgId: request.orgId });
    throw new AppError("not_found");
  }
  const { orgId, kind } = request;
  const stage = request.status;
  if (stage !== "PENDING_LEGAL_REP" && stage !== "PENDING_ADMIN") {
    await requireMember({ userId, orgId });
    throw new AppError("conflict", { userMessage: "orgRequests.errors.notPending" });
  }
  await requireMember({ userId, orgId, permission: stage === "PENDING_LEGAL_REP" ? "approvals.legalRep" : adminStagePermission(kind) });
  if (request.requesterId === userId) throw new AppError("forbidden");

  if (decision === "approve" && stage === "PENDING_ADMIN") {
    return db.$transaction(async (tx) => {
      const letter = await composeOrgLetter(tx, { orgId, signerId: userId, letter: { purpose: "APPROVE_REQUEST", requestId } });
      const started = await startOrgSignature({ orgId, signerId: userId, purpose: "APPROVE_REQUEST", params: { requestId }, letterText: letter.text, title: letter.title }, tx);
      return { outcome: "sign" as const, ...started, letterText: letter.text };
    });
  }

  const result = await db.$transaction(async (tx): Promise<TDecideResult> => {
    const to = decision === "approve" ? "PENDING_ADMIN" : "REJECTED";
    const done = await tx.orgRequest.updateMany({
      where: { id: requestId, status: stage },
      data: to === "REJECTED" ? { status: to, decidedById: userId, decidedAt: new Date(), reason } : { status: to },
    });
    if (done.count === 0) throw new AppError("conflict", { userMessage: "orgRequests.errors.notPending" });
    const link = `/org/${orgId}/requests`;
    if (to === "REJECTED") {
      await writeAudit(tx, { actorId: userId, action: "org.request_rejected", targetType: "organization", targetId: orgId, data: { requestId, kind, stage, reason: reason! } });
      await notifyOrgRequest(tx, { toUserId: request.requesterId, orgId, kind, link, event: "decided", outcome: "rejected", reason });
      return { outcome: "rejected", status: "REJECTED" };
    }
    await writeAudit(tx, { actorId: userId, action: "org.request_approved", targetType: "organization", targetId: orgId, data: { requestId, kind, stage, to } });
    await notifyOrgRequest(tx, { toUserId: request.requesterId, orgId, kind, link, event: "decided", outcome: "approved" });
    await notifyStage(tx, { orgId, requestId, kind, stage: "PENDING_ADMIN", requesterId: request.requesterId });
    return { outcome: "forwarded", status: "PENDING_ADMIN" };
  });
  wakeWorker();
  return result;
}
