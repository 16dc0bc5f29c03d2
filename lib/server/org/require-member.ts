import { AppError } from "@/lib/errors";
import { db, type Db, type Tx } from "@/lib/db/client";
import { hasOrgPermission, type OrgPermission } from "./org-permissions";

/**
 * For every organization handler and action: the caller's ACTIVE membership of the organization, or
 * NOT_FOUND when there is none (not a member, removed, no such organization or a deleted one: an id reveals nothing)
 * and FORBIDDEN when the member's role lacks the permission.
 */
export async function requireMember(
  { userId, orgId, permission }: { userId: string; orgId: string; permission?: OrgPermission },
  client: Db | Tx = db,
) {
  const membership = await client.membership.findFirst({
    where: { userId, orgId, status: "ACTIVE", org: { deletedAt: null } },
    select: { id: true, orgId: true, userId: true, role: true, status: true, createdAt: true },
  });
  if (!membership) throw new AppError("not_found");
  if (permission && !hasOrgPermission(membership.role, permission)) throw new AppError("forbidden");
  return membership;
}
