import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { OrgRole } from "@/lib/generated/prisma/enums";

/**
 * Makes the user an ACTIVE member of the organization with `role` (a join approved, a member added by the
 * administrator, a 对公打款 verification, the holder of an enterprise certificate): creates the row, or
 * reactivates a removed one with the new role. An ACTIVE member keeps their role (a member is never
 * demoted or promoted by being "added" again). ADMIN is never given here: assignPrimaryAdmin does that.
 * Writes org.member_added in the caller's transaction when something changed.
 */
export async function ensureMembership(
  tx: Tx,
  { orgId, userId, role, actorId, via }: { orgId: string; userId: string; role: Exclude<OrgRole, "ADMIN">; actorId: string; via: "admin" | "join" | "deposit" | "order" },
) {
  const existing = await tx.membership.findUnique({ where: { orgId_userId: { orgId, userId } } });
  if (existing?.status === "ACTIVE") return { membership: existing, created: false };
  const org = await tx.organization.findUnique({ where: { id: orgId }, select: { deletedAt: true } });
  if (!org || org.deletedAt) throw new AppError("not_found");
  const membership = existing
    ? await tx.membership.update({ where: { id: existing.id }, data: { status: "ACTIVE", removedAt: null, role } })
    : await tx.membership.create({ data: { orgId, userId, role } });
  await writeAudit(tx, { actorId, action: "org.member_added", targetType: "organization", targetId: orgId, data: { userId, role, via } });
  return { membership, created: true };
}
