import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";

/**
 * A letter's state for the desk's polling QR: only its signer sees it (anyone else: NOT_FOUND). A PENDING
 * letter whose QR expired before the phone completed it becomes EXPIRED here (conditional, so a scan that
 * completed at the last second is never overwritten).
 */
export async function getOrgSignature({ userId, signatureId }: { userId: string; signatureId: string }) {
  const row = await db.orgSignature.findFirst({
    where: { id: signatureId, signerId: userId },
    select: { id: true, orgId: true, purpose: true, status: true, failReason: true, appliedAt: true, letterText: true, scanRequestId: true },
  });
  if (!row) throw new AppError("not_found");
  let status = row.status;
  if (status === "PENDING") {
    const scan = await db.scanRequest.findUnique({ where: { id: row.scanRequestId }, select: { status: true, expiresAt: true } });
    if (scan && scan.expiresAt <= new Date() && scan.status !== "COMPLETED") {
      const expired = await db.orgSignature.updateMany({ where: { id: row.id, status: "PENDING" }, data: { status: "EXPIRED" } });
      if (expired.count === 1) status = "EXPIRED";
    }
  }
  return { signatureId: row.id, orgId: row.orgId, purpose: row.purpose, status, failReason: row.failReason, appliedAt: row.appliedAt?.toISOString() ?? null, letterText: row.letterText };
}
