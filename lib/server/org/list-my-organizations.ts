import { db, type Db, type Tx } from "@/lib/db/client";

/** The caller's ACTIVE memberships of organizations not deleted, with the organization's name and USCC, oldest first. */
export async function listMyOrganizations({ userId }: { userId: string }, client: Db | Tx = db) {
  const rows = await client.membership.findMany({
    where: { userId, status: "ACTIVE", org: { deletedAt: null } },
    orderBy: { createdAt: "asc" },
    select: { role: true, createdAt: true, org: { select: { id: true, name: true, uscc: true, verifiedAt: true } } },
  });
  return rows.map((m) => ({
    orgId: m.org.id,
    name: m.org.name,
    uscc: m.org.uscc,
    verified: m.org.verifiedAt !== null,
    role: m.role,
    memberSince: m.createdAt,
  }));
}
