import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { withdrawGrantsOfCertificates } from "./withdraw-seal-use";

/** Why seals stop being usable (stored in voidReason, shown to the owner). */
export type SealVoidReason = "certificate_revoked" | "certificate_superseded" | "member_removed" | "org_deleted" | "replaced";

/** The statuses a seal can still leave: everything but CANCELLED, VOIDED and DELETED. */
export const LIVE_SEAL_STATUSES = ["AWAITING_IMAGE", "PENDING_REVIEW", "APPROVED", "REJECTED"] as const;

/**
 * Voids every live seal bound to one of `certificateIds`, in the caller's transaction (the one that revokes
 * or supersedes the certificates), with a seal.voided audit row each. One conditional update on the
 * status, so a seal approved or voided in parallel is voided once. `needsReapply` (default: true for a
 * superseded certificate) marks the seals whose owner is asked for new ones bound to the new certificate.
 * Every revocation path calls it (revokePair, revokeCertificate), so a revoked certificate never keeps a seal;
 * the grants (授权用章) of those certificates are withdrawn too and the seals' structures re-issued without them.
 */
export async function voidSealsOfCertificates(
  tx: Tx,
  { certificateIds, reason, actorId, ip, needsReapply }: { certificateIds: string[]; reason: SealVoidReason; actorId: string | null; ip?: string; needsReapply?: boolean },
): Promise<number> {
  if (certificateIds.length === 0) return 0;
  const voided = await voidSealsWhere(tx, { certificateId: { in: certificateIds } }, { reason, actorId, ip, needsReapply: needsReapply ?? reason === "certificate_superseded" });
  // 授权用章: the revoked certificates leave the certList of the enterprise seals granted to them.
  await withdrawGrantsOfCertificates(tx, { certificateIds, reason, actorId, ip });
  return voided;
}

/** The shared body: lock-free, one updateMany per call, audit rows for exactly the rows it moved. */
export async function voidSealsWhere(
  tx: Tx,
  where: Prisma.SealWhereInput,
  { reason, actorId, ip, needsReapply }: { reason: SealVoidReason; actorId: string | null; ip?: string; needsReapply: boolean },
): Promise<number> {
  const voidedAt = new Date();
  const candidates = await tx.seal.findMany({ where: { ...where, status: { in: [...LIVE_SEAL_STATUSES] } }, select: { id: true } });
  if (candidates.length === 0) return 0;
  const ids = candidates.map((s) => s.id);
  await tx.seal.updateMany({
    where: { id: { in: ids }, status: { in: [...LIVE_SEAL_STATUSES] } },
    data: { status: "VOIDED", voidedAt, voidReason: reason, needsReapply },
  });
  // The rows this call moved (a parallel void of the same seal stamps another instant).
  const moved = await tx.seal.findMany({ where: { id: { in: ids }, status: "VOIDED", voidedAt }, select: { id: true, certificateId: true } });
  for (const seal of moved) {
    await writeAudit(tx, { actorId, ip, action: "seal.voided", targetType: "Seal", targetId: seal.id, data: { reason, certificateId: seal.certificateId, needsReapply } });
  }
  return moved.length;
}
