import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { revocableCertificate } from "@/lib/server/certs/revoke-access";
import { ZHolderRevokeReasonSchema, type THolderRevokeReason } from "@/lib/server/certs/revoke-holder.types";
import { transitionOrder } from "./transition-order";

export type RevokeReviewOutcome = { status: "pending"; requestId: string };

/**
 * A desk revocation on a channel that reviews them (Channel.reviewDeskRevocations): instead of
 * revoking, the holder's confirmed REVOKE order becomes a PENDING RevocationRequest (the console's
 * four-eyes request, here with the holder as the first pair of eyes) and the order waits in
 * IN_REVIEW. A CA operator confirms it on the console (consoleRevokeCertificate), which revokes with
 * the holder's reason and completes the order. Written under the certificate's row lock, so one
 * PENDING request per certificate; the order's DRAFT → IN_REVIEW is conditional too (transitionOrder).
 */
export async function revokeSubmitReview({ userId, orderId, certificateId, reason, ip }: { userId: string; orderId: string; certificateId: string; reason: THolderRevokeReason; ip?: string }): Promise<RevokeReviewOutcome> {
  const parsed = ZHolderRevokeReasonSchema.parse(reason);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Certificate" WHERE id = ${certificateId} FOR UPDATE`;
    const certificate = await revocableCertificate({ userId, certificateId }, tx);
    if (certificate.status !== "VALID") throw new AppError("conflict", { userMessage: "lifecycleRevoke.errors.notValid" });
    const pending = await tx.revocationRequest.findFirst({ where: { certificateId, status: "PENDING" }, select: { id: true } });
    if (pending) throw new AppError("conflict", { userMessage: "lifecycleRevoke.errors.pendingReview" });
    await transitionOrder(tx, { orderId, to: "IN_REVIEW", actorId: userId, type: "submitted", note: "revocation review", ip });
    const request = await tx.revocationRequest.create({ data: { certificateId, orderId, reason: parsed, requestedById: userId } });
    await writeAudit(tx, { actorId: userId, ip, action: "certificate.revocation_requested", targetType: "Certificate", targetId: certificateId, data: { serialHex: certificate.serialHex, reason: parsed, requestId: request.id } });
    return { status: "pending" as const, requestId: request.id };
  });
}
