import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { revokeByHolder } from "@/lib/server/certs/revoke-by-holder";
import type { THolderRevokeReason } from "@/lib/server/certs/revoke-holder.types";
import { firstIncompleteStep } from "./first-incomplete-step";
import { missingMaterials } from "./missing-materials";
import { orderWhere } from "./order-where";
import { readRevokeDraft } from "./revoke-draft";
import { revokeSubmitReview } from "./revoke-submit-review";
import { transitionOrder } from "./transition-order";

/**
 * The revocation wizard's confirmation: the order is the caller's REVOKE draft at its last step, its
 * checks passed for the certificate's own subject (the checked USCC / ID number is the certificate
 * order's), its ID photos uploaded; then the certificate pair is revoked and the order completed
 * (DRAFT → APPROVED → COMPLETED) in the revocation's transaction. No payment. Where the channel
 * reviews desk revocations (Channel.reviewDeskRevocations) it is not revoked here: the order goes to
 * IN_REVIEW with a RevocationRequest a CA operator confirms on the console (revokeSubmitReview).
 */
export async function revokeCompleteOrder({ userId, orderId, reason, ip }: { userId: string; orderId: string; reason: THolderRevokeReason; ip?: string }) {
  const order = await db.order.findFirst({ where: { ...orderWhere({ userId, orderId }), kind: "REVOKE" } });
  if (!order) throw new AppError("not_found");
  if (order.status !== "DRAFT") throw new AppError("conflict", { userMessage: "orders.errors.notDraft" });
  const certificateId = readRevokeDraft(order.draft).revoke?.certificateId;
  if (!certificateId) throw new AppError("conflict", { userMessage: "lifecycleRevoke.errors.noCertificate" });
  if (order.step !== "revoke" || (await firstIncompleteStep(order)) || (await missingMaterials(order)).length > 0) {
    throw new AppError("conflict", { userMessage: "lifecycleRevoke.errors.notReady" });
  }
  const certified = await db.certificate.findUnique({ where: { id: certificateId }, select: { order: { select: { subjectKey: true } } } });
  if (!certified?.order?.subjectKey || certified.order.subjectKey !== order.subjectKey) {
    throw new AppError("validation_failed", { userMessage: "lifecycleRevoke.errors.subjectMismatch" });
  }
  const channel = await db.channel.findUniqueOrThrow({ where: { id: order.channelId }, select: { reviewDeskRevocations: true } });
  if (channel.reviewDeskRevocations) return revokeSubmitReview({ userId, orderId, certificateId, reason, ip });
  const pair = await revokeByHolder({
    userId,
    certificateId,
    reason,
    ip,
    extra: async (tx, pair) => {
      await transitionOrder(tx, { orderId, to: "APPROVED", actorId: userId, type: "approved", note: "revocation", ip });
      await transitionOrder(tx, { orderId, to: "COMPLETED", actorId: userId, type: "revoked", note: pair.serials.join(","), ip });
    },
  });
  return { status: "revoked" as const, serials: pair.serials };
}
