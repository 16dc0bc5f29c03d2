import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertPermission } from "@/lib/server/auth/permissions";
import { ZConsoleRevokeSchema } from "./console-certificate.types";
import { transitionOrder } from "@/lib/server/orders/transition-order";
import { revokePair } from "./revoke-pair";
import type { TRevokeReason } from "./revoke-certificate.types";

export type ConsoleRevokeOutcome = { status: "revoked"; serials: string[] } | { status: "pending"; requestId: string };

/**
 * 吊销 by a CA operator (certs.revoke) with an RFC 5280 reason and a note. Where the certificate's
 * channel requireTwoReviewers, the first operator's call records a PENDING request (written under the
 * certificate's row lock: one per certificate) and a second, different operator's call revokes with
 * the requested reason; the first operator cannot confirm their own. A holder's desk revocation on a
 * channel that reviews them (revokeSubmitReview) is such a request too: any operator confirms it, and
 * its REVOKE order is completed in the same transaction. One outcome under concurrency:
 * the request's approval and the certificate's update are both conditional, in one transaction.
 */
export async function consoleRevokeCertificate({ operator, certificateId, input, ip }: { operator: { id: string; role: Role }; certificateId: string; input: unknown; ip?: string }): Promise<ConsoleRevokeOutcome> {
  assertPermission(operator, "certs.revoke");
  const { reason, note, requestId } = ZConsoleRevokeSchema.parse(input);
  const certificate = await db.certificate.findUnique({
    where: { id: certificateId },
    select: { id: true, status: true, serialHex: true, order: { select: { channel: { select: { requireTwoReviewers: true } } } } },
  });
  if (!certificate) throw new AppError("not_found");
  if (certificate.status !== "VALID") throw new AppError("conflict", { userMessage: "lifecycleRevoke.errors.notValid" });
  // A pending request (another operator's, or a holder's desk revocation under review) is confirmed, not bypassed.
  const hasPending = (await db.revocationRequest.count({ where: { certificateId, status: "PENDING" } })) > 0;
  if (requestId && !hasPending) throw new AppError("conflict", { userMessage: "lifecycleRevoke.errors.alreadyDecided" });
  if (!certificate.order?.channel.requireTwoReviewers && !hasPending) {
    const pair = await revokePair({ certificateId, reason, actorId: operator.id, ip });
    return { status: "revoked", serials: pair.serials };
  }

  const step = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Certificate" WHERE id = ${certificateId} FOR UPDATE`;
    const pending = await tx.revocationRequest.findFirst({ where: { certificateId, status: "PENDING" }, select: { id: true, requestedById: true, reason: true, orderId: true } });
    if (requestId && pending?.id !== requestId) throw new AppError("conflict", { userMessage: "lifecycleRevoke.errors.alreadyDecided" });
    if (pending) {
      if (pending.requestedById === operator.id) throw new AppError("conflict", { userMessage: "lifecycleRevoke.errors.ownRequest" });
      return { kind: "confirm" as const, requestId: pending.id, reason: pending.reason as TRevokeReason, orderId: pending.orderId };
    }
    const fresh = await tx.certificate.findUniqueOrThrow({ where: { id: certificateId }, select: { status: true } });
    if (fresh.status !== "VALID") throw new AppError("conflict", { userMessage: "lifecycleRevoke.errors.notValid" });
    const request = await tx.revocationRequest.create({ data: { certificateId, reason, note: note || null, requestedById: operator.id } });
    await writeAudit(tx, { actorId: operator.id, ip, action: "certificate.revocation_requested", targetType: "Certificate", targetId: certificateId, data: { serialHex: certificate.serialHex, reason, requestId: request.id } });
    return { kind: "requested" as const, requestId: request.id };
  });
  if (step.kind === "requested") return { status: "pending", requestId: step.requestId };

  const pair = await revokePair({
    certificateId,
    reason: step.reason,
    actorId: operator.id,
    ip,
    extra: async (tx, pair) => {
      const { count } = await tx.revocationRequest.updateMany({
        where: { id: step.requestId, status: "PENDING", requestedById: { not: operator.id } },
        data: { status: "APPROVED", decidedById: operator.id, decidedAt: new Date() },
      });
      if (count === 0) throw new AppError("conflict", { userMessage: "lifecycleRevoke.errors.notValid" });
      // A holder's desk revocation: its REVOKE order is done with the revocation.
      if (step.orderId) {
        await transitionOrder(tx, { orderId: step.orderId, to: "APPROVED", actorId: operator.id, type: "approved", note: "revocation confirmed", ip });
        await transitionOrder(tx, { orderId: step.orderId, to: "COMPLETED", actorId: operator.id, type: "revoked", note: pair.serials.join(","), ip });
      }
    },
  });
  return { status: "revoked", serials: pair.serials };
}
