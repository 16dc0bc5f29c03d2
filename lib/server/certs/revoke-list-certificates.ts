import { db } from "@/lib/db/client";
import { hasOrgPermission } from "@/lib/server/org/org-permissions";

/**
 * /revoke: the VALID certificates the user may revoke, one row per pair (the signing certificate):
 * their own, and their enterprises' where their role has certs.manage.
 */
export async function revokeListCertificates({ userId }: { userId: string }) {
  const memberships = await db.membership.findMany({ where: { userId, status: "ACTIVE", org: { deletedAt: null } }, select: { orgId: true, role: true } });
  const managed = memberships.filter((m) => hasOrgPermission(m.role, "certs.manage")).map((m) => m.orgId);
  const rows = await db.certificate.findMany({
    where: { status: "VALID", usage: "SIGN", OR: [{ userId }, ...(managed.length > 0 ? [{ orgId: { in: managed } }] : [])] },
    select: { id: true, serialHex: true, subjectName: true, subjectType: true, notAfter: true, orgId: true, userId: true },
    orderBy: { notAfter: "asc" },
  });
  return rows.map((r) => ({ ...r, isMine: r.userId === userId }));
}
