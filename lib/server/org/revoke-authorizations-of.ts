import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";

/**
 * Revokes the ACTIVE platform authorizations of one member (`membershipId`) or of the whole organization
 * (status REVOKED, revokedAt, revokedById; org.authorization_revoked each), in the caller's transaction.
 * Each row is a conditional update, so one revoked elsewhere at the same time is not counted twice.
 */
export async function revokeAuthorizationsOf(tx: Tx, { orgId, membershipId, actorId }: { orgId: string; membershipId?: string; actorId: string }): Promise<number> {
  const active = await tx.platformAuthorization.findMany({
    where: { orgId, status: "ACTIVE", ...(membershipId ? { membershipId } : {}) },
    select: { id: true, membershipId: true, platformId: true },
  });
  const revokedAt = new Date();
  let revoked = 0;
  for (const a of active) {
    const { count } = await tx.platformAuthorization.updateMany({ where: { id: a.id, status: "ACTIVE" }, data: { status: "REVOKED", revokedAt, revokedById: actorId } });
    if (count === 0) continue;
    revoked++;
    await writeAudit(tx, { actorId, action: "org.authorization_revoked", targetType: "organization", targetId: orgId, data: { membershipId: a.membershipId, platformId: a.platformId } });
  }
  return revoked;
}
