import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { parseInput } from "@/lib/server/http/parse-input";
import { ZSealDecisionSchema } from "./seals.types";
import { signSealStructure } from "./sign-seal-structure";
import { voidSealsWhere } from "./void-seals";

/**
 * The CA's decision on a seal in review (console, seals.review). Approve: the SES_Seal is signed first,
 * then one conditional update PENDING_REVIEW → APPROVED stores it, so of parallel approvals exactly one
 * stores a structure and the others get CONFLICT; a 签章变更 voids the seal it replaces in the same
 * transaction. Reject: PENDING_REVIEW → REJECTED with the reason the maker reads (补章 sends a new picture).
 * The bound certificate must still be VALID. A reviewer does not decide their own seal.
 */
export async function decideSeal({ reviewerId, input, ip }: { reviewerId: string; input: unknown; ip?: string }) {
  const decision = parseInput(ZSealDecisionSchema, input);
  const seal = await db.seal.findUnique({ where: { id: decision.sealId }, include: { certificate: { select: { id: true, der: true, notAfter: true, status: true } } } });
  if (!seal) throw new AppError("not_found");
  if (seal.status !== "PENDING_REVIEW") throw new AppError("conflict", { userMessage: "seals.errors.notPending" });
  if (seal.createdById === reviewerId) throw new AppError("forbidden", { userMessage: "seals.errors.ownSeal" });
  const now = new Date();
  if (decision.decision === "reject") {
    return db.$transaction(async (tx) => {
      const { count } = await tx.seal.updateMany({ where: { id: seal.id, status: "PENDING_REVIEW" }, data: { status: "REJECTED", rejectReason: decision.reason, reviewedById: reviewerId, reviewedAt: now } });
      if (count === 0) throw new AppError("conflict", { userMessage: "seals.errors.notPending" });
      await writeAudit(tx, { actorId: reviewerId, ip, action: "seal.rejected", targetType: "Seal", targetId: seal.id, data: { reason: decision.reason } });
      return { id: seal.id, status: "REJECTED" as const };
    });
  }
  if (!seal.certificate || seal.certificate.status !== "VALID" || !seal.processedKey || !seal.widthMm || !seal.heightMm) {
    throw new AppError("conflict", { userMessage: "seals.errors.noCertificate" });
  }
  const signed = await signSealStructure({ seal: { name: seal.name, orgId: seal.orgId, processedKey: seal.processedKey, widthMm: seal.widthMm, heightMm: seal.heightMm }, certificate: seal.certificate, now });
  return db.$transaction(async (tx) => {
    const { count } = await tx.seal.updateMany({
      where: { id: seal.id, status: "PENDING_REVIEW", certificate: { status: "VALID" } },
      data: { status: "APPROVED", esId: signed.esId, sesDer: new Uint8Array(signed.sesDer), validFrom: signed.validFrom, validTo: signed.validTo, reviewedById: reviewerId, reviewedAt: now, rejectReason: null },
    });
    if (count === 0) throw new AppError("conflict", { userMessage: "seals.errors.notPending" });
    if (seal.replacesSealId) await voidSealsWhere(tx, { id: seal.replacesSealId }, { reason: "replaced", actorId: reviewerId, ip, needsReapply: false });
    await writeAudit(tx, { actorId: reviewerId, ip, action: "seal.approved", targetType: "Seal", targetId: seal.id, data: { esId: signed.esId, certificateId: seal.certificate!.id, validTo: signed.validTo.toISOString(), automatic: false } });
    return { id: seal.id, status: "APPROVED" as const, esId: signed.esId };
  });
}
