import { AppError } from "@/lib/errors";
import { db, type Db, type Tx } from "@/lib/db/client";

export const PLATFORM_REFUSAL_REASONS = ["not_authorized_for_platform", "not_a_member"] as const;
export type TPlatformRefusalReason = (typeof PLATFORM_REFUSAL_REASONS)[number];
export type TPlatformAuthorizationCheck = { allowed: true } | { allowed: false; reason: TPlatformRefusalReason };

/**
 * May this holder use this certificate on this trading platform? Read from the rows each time (no
 * cache), so removing a member or revoking an authorization takes effect on the next scan. A personal
 * certificate (orgId null) is always allowed. An enterprise certificate needs an ACTIVE membership of
 * its (not deleted) organization, and then: the administrator uses it everywhere, the desk's own
 * platform (enterprise letters) is open to every member, anyone else needs an ACTIVE
 * PlatformAuthorization for this platform.
 */
export async function platformAuthorizationFor(
  {
    userId,
    certificateId,
    certificate,
    platformId,
  }: { userId: string; certificateId?: string; certificate?: { orgId: string | null }; platformId: string },
  client: Db | Tx = db,
): Promise<TPlatformAuthorizationCheck> {
  const cert = certificate ?? (certificateId ? await client.certificate.findUnique({ where: { id: certificateId }, select: { orgId: true } }) : null);
  if (!cert) throw new AppError("not_found", { userMessage: "scan.errors.noCertificate" });
  if (!cert.orgId) return { allowed: true };
  const membership = await client.membership.findFirst({
    where: { orgId: cert.orgId, userId, status: "ACTIVE", org: { deletedAt: null } },
    select: { id: true, role: true },
  });
  if (!membership) return { allowed: false, reason: "not_a_member" };
  if (membership.role === "ADMIN") return { allowed: true };
  const platform = await client.tradingPlatform.findUnique({ where: { id: platformId }, select: { isDesk: true } });
  if (platform?.isDesk) return { allowed: true };
  const granted = await client.platformAuthorization.count({ where: { membershipId: membership.id, orgId: cert.orgId, platformId, status: "ACTIVE" } });
  return granted > 0 ? { allowed: true } : { allowed: false, reason: "not_authorized_for_platform" };
}
