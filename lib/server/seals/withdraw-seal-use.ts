import { AppError } from "@/lib/errors";
import { db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { parseInput } from "@/lib/server/http/parse-input";
import { lockSealForGrant } from "./grant-seal-use";
import { ZSealGrantSchema } from "./seals.types";
import { lockSeals, reissueSealStructure } from "./reissue-seal-structure";
import type { SealVoidReason } from "./void-seals";

/**
 * 撤销授权 (seals.manage): the grant ACTIVE → WITHDRAWN in one conditional update (parallel withdrawals: one
 * succeeds, the others CONFLICT); the SES_Seal re-issued without the certificate; audited seal.use_withdrawn.
 * From then on the seal is not offered to that certificate (listUsableSeals) and a scan naming it is refused.
 */
export async function withdrawSealUse({ userId, input, ip }: { userId: string; input: unknown; ip?: string }) {
  const { orgId, sealId, certificateId } = parseInput(ZSealGrantSchema, input);
  return db.$transaction(
    async (tx) => {
      await lockSealForGrant(tx, { userId, orgId, sealId, certificateId });
      const now = new Date();
      const { count } = await tx.sealGrant.updateMany({ where: { sealId, certificateId, status: "ACTIVE" }, data: { status: "WITHDRAWN", withdrawnById: userId, withdrawnAt: now, withdrawReason: "withdrawn" } });
      if (count === 0) throw new AppError("conflict", { userMessage: "sealGrants.errors.notGranted" });
      const reissued = (await reissueSealStructure(tx, { sealId, now }))!;
      await writeAudit(tx, { actorId: userId, ip, action: "seal.use_withdrawn", targetType: "Seal", targetId: sealId, data: { certificateId, reason: "withdrawn", esId: reissued.esId, certCount: reissued.certCount } });
      return { sealId, certificateId, status: "WITHDRAWN" as const, certCount: reissued.certCount };
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}

/**
 * A revocation (every path: voidSealsOfCertificates) withdraws the grants of the revoked certificates, in
 * the revoking transaction: the seals' rows locked after the certificates (the grant's order too), the
 * grants ACTIVE → WITHDRAWN with the revocation's reason, each still APPROVED seal's SES_Seal re-issued without
 * them, one seal.use_withdrawn audit row per grant moved.
 */
export async function withdrawGrantsOfCertificates(tx: Tx, { certificateIds, reason, actorId, ip }: { certificateIds: string[]; reason: SealVoidReason; actorId: string | null; ip?: string }) {
  const candidates = await tx.sealGrant.findMany({ where: { certificateId: { in: certificateIds }, status: "ACTIVE" }, select: { sealId: true } });
  if (candidates.length === 0) return 0;
  const locked = await lockSeals(tx, candidates.map((g) => g.sealId));
  const now = new Date();
  const moved = await tx.sealGrant.updateManyAndReturn({
    where: { sealId: { in: locked.map((s) => s.id) }, certificateId: { in: certificateIds }, status: "ACTIVE" },
    data: { status: "WITHDRAWN", withdrawnById: actorId, withdrawnAt: now, withdrawReason: reason },
    select: { sealId: true, certificateId: true },
  });
  for (const sealId of new Set(moved.map((g) => g.sealId))) {
    const reissued = await reissueSealStructure(tx, { sealId, now, bestEffort: true });
    for (const g of moved.filter((m) => m.sealId === sealId)) {
      await writeAudit(tx, { actorId, ip, action: "seal.use_withdrawn", targetType: "Seal", targetId: sealId, data: { certificateId: g.certificateId, reason, esId: reissued?.esId ?? null, certCount: reissued?.certCount ?? 0 } });
    }
  }
  return moved.length;
}
