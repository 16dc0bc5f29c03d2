import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { assertPermission } from "@/lib/server/auth/permissions";
import { db } from "@/lib/db/client";
import { ZConsoleOrgListFilterSchema } from "./console-org.types";

export const CONSOLE_ORGS_PAGE_SIZE = 20;

/**
 * 企业管理 (orgs.view): every enterprise, newest first, searched by a part of its name, its USCC or its
 * primary administrator's phone; with active member and certificate counts. Deleted enterprises are
 * listed too (marked), since their revoked certificates and members stay on record.
 */
export async function consoleListOrganizations({ user, filter, pageSize = CONSOLE_ORGS_PAGE_SIZE }: { user: { role: Role }; filter: unknown; pageSize?: number }) {
  assertPermission(user, "orgs.view");
  const f = ZConsoleOrgListFilterSchema.parse(filter ?? {});
  const q = f.q ?? "";
  const state = f.state ?? "all";
  const page = f.page ?? 1;
  const and: Prisma.OrganizationWhereInput[] = [];
  if (q) {
    and.push({
      OR: [
        { name: { contains: q, mode: "insensitive" } },
        { uscc: { contains: q.toUpperCase() } },
        { members: { some: { role: "ADMIN", status: "ACTIVE", user: { phone: { contains: q } } } } },
      ],
    });
  }
  if (state === "active") and.push({ deletedAt: null });
  if (state === "deleted") and.push({ deletedAt: { not: null } });
  const where: Prisma.OrganizationWhereInput = and.length ? { AND: and } : {};
  const [rows, total] = await Promise.all([
    db.organization.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        name: true,
        uscc: true,
        legalRepName: true,
        verifiedAt: true,
        deletedAt: true,
        createdAt: true,
        members: { where: { role: "ADMIN", status: "ACTIVE" }, take: 1, select: { user: { select: { name: true, realName: true, phone: true } } } },
        _count: { select: { members: { where: { status: "ACTIVE" } }, certificates: true } },
      },
    }),
    db.organization.count({ where }),
  ]);
  const validCounts = rows.length
    ? await db.certificate.groupBy({ by: ["orgId"], where: { orgId: { in: rows.map((r) => r.id) }, status: "VALID" }, _count: { _all: true } })
    : [];
  const valid = new Map(validCounts.map((c) => [c.orgId, c._count._all]));
  return {
    filter: { q, state, page },
    total,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    organizations: rows.map((r) => ({
      id: r.id,
      name: r.name,
      uscc: r.uscc,
      legalRepName: r.legalRepName,
      verified: r.verifiedAt !== null,
      deleted: r.deletedAt !== null,
      deletedAt: r.deletedAt,
      createdAt: r.createdAt,
      admin: r.members[0] ? { name: r.members[0].user.realName ?? r.members[0].user.name, phone: r.members[0].user.phone } : null,
      memberCount: r._count.members,
      certificateCount: r._count.certificates,
      validCertificateCount: valid.get(r.id) ?? 0,
    })),
  };
}
