import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { parseInput } from "@/lib/server/http/parse-input";
import { sealForCaller } from "./seal-access";
import { ZSealImageSchema } from "./seals.types";
import { storeSealPicture } from "./store-seal-picture";

/**
 * A new picture for a seal: 上传印模 for a seal the wizard asked for (AWAITING_IMAGE: bound now to the
 * order's signing certificate, which must be issued), 补章 after a rejection (REJECTED), both moving the
 * same row to PENDING_REVIEW; 签章变更 for an APPROVED seal makes a new seal in review that replaces it
 * (the old one stays usable until the new one is approved, then it is voided). One conditional update on
 * the status: parallel submissions give one outcome.
 */
export async function submitSealImage({ userId, input, file, ip }: { userId: string; input: unknown; file: Uint8Array | null; ip?: string }) {
  const { sealId } = parseInput(ZSealImageSchema, input);
  const seal = await sealForCaller(db, { userId, sealId, orgPermission: "seals.manage" });
  if (!["AWAITING_IMAGE", "REJECTED", "APPROVED"].includes(seal.status)) throw new AppError("conflict", { userMessage: "seals.errors.notChangeable" });
  if (!file) throw new AppError("validation_failed", { userMessage: "seals.errors.fileEmpty", fields: { file: ["seals.errors.fileEmpty"] } });
  let certificateId = seal.certificateId;
  if (!certificateId && seal.orderId) {
    const cert = await db.certificate.findFirst({ where: { orderId: seal.orderId, usage: "SIGN", status: "VALID" }, select: { id: true } });
    if (!cert) throw new AppError("conflict", { userMessage: "seals.errors.certificateNotIssued" });
    certificateId = cert.id;
  }
  if (!certificateId) throw new AppError("conflict", { userMessage: "seals.errors.noCertificate" });
  const picture = await storeSealPicture({ kind: seal.kind, bytes: file });
  return db.$transaction(async (tx) => {
    await sealForCaller(tx, { userId, sealId, orgPermission: "seals.manage" });
    // The seal's row lock serialises parallel submissions (the pending-change check below reads under it).
    await tx.$queryRaw`SELECT id FROM "Seal" WHERE id = ${sealId} FOR UPDATE`;
    const cert = await tx.certificate.findFirst({ where: { id: certificateId, status: "VALID", usage: "SIGN" }, select: { id: true } });
    if (!cert) throw new AppError("conflict", { userMessage: "seals.errors.noCertificate" });
    const now = new Date();
    if (seal.status === "APPROVED") {
      // One change in review at a time per seal.
      const pending = await tx.seal.count({ where: { replacesSealId: sealId, status: "PENDING_REVIEW" } });
      if (pending > 0) throw new AppError("conflict", { userMessage: "seals.errors.changePending" });
      const still = await tx.seal.count({ where: { id: sealId, status: "APPROVED" } });
      if (still === 0) throw new AppError("conflict", { userMessage: "seals.errors.notChangeable" });
      const next = await tx.seal.create({
        data: { orgId: seal.orgId, userId: seal.userId, kind: seal.kind, source: "UPLOAD", name: seal.name, certificateId, replacesSealId: sealId, ...picture, status: "PENDING_REVIEW", submittedAt: now, createdById: userId },
        select: { id: true, status: true },
      });
      await writeAudit(tx, { actorId: userId, ip, action: "seal.submitted", targetType: "Seal", targetId: next.id, data: { from: "APPROVED", replacesSealId: sealId } });
      return next;
    }
    const { count } = await tx.seal.updateMany({
      where: { id: sealId, status: seal.status },
      data: { ...picture, certificateId, status: "PENDING_REVIEW", submittedAt: now, rejectReason: null, reviewedById: null, reviewedAt: null },
    });
    if (count === 0) throw new AppError("conflict", { userMessage: "seals.errors.notChangeable" });
    await writeAudit(tx, { actorId: userId, ip, action: "seal.submitted", targetType: "Seal", targetId: sealId, data: { from: seal.status, replacesSealId: null } });
    return { id: sealId, status: "PENDING_REVIEW" as const };
  });
}
