import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";

/**
 * Creates the ACTIVE PlatformAuthorization rows a signed letter grants, one per platform the member does
 * not hold yet: an existing ACTIVE one is kept (the partial unique index PlatformAuthorization_one_active
 * backs this against a parallel grant). Only active, non-desk platforms. Audited per row created.
 */
export async function grantAuthorizationRows(
  tx: Tx,
  { orgId, membershipId, platformIds, grantedById, signatureId }: { orgId: string; membershipId: string; platformIds: string[]; grantedById: string; signatureId: string | null },
) {
  const platforms = await tx.tradingPlatform.findMany({ where: { id: { in: platformIds }, active: true, isDesk: false }, select: { id: true } });
  const held = await tx.platformAuthorization.findMany({ where: { membershipId, status: "ACTIVE", platformId: { in: platforms.map((p) => p.id) } }, select: { platformId: true } });
  const missing = platforms.map((p) => p.id).filter((id) => !held.some((h) => h.platformId === id));
  if (missing.length === 0) return [];
  const created = await tx.platformAuthorization.createManyAndReturn({
    data: missing.map((platformId) => ({ orgId, membershipId, platformId, grantedById, signatureId })),
    skipDuplicates: true,
    select: { id: true, platformId: true },
  });
  for (const row of created) {
    await writeAudit(tx, { actorId: grantedById, action: "org.authorization_granted", targetType: "organization", targetId: orgId, data: { membershipId, platformId: row.platformId, signatureId } });
  }
  return created;
}
