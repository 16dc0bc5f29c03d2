import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ZOrganizationParams, type TPlatformOrganization } from "./platform-organization.types";

/**
 * GET /api/v1/organizations/:uscc: an enterprise's subject library (主体库) as the calling platform may
 * read it: registered data, approved seals, and who may use its certificates on this platform now (the
 * administrator, and the members with an ACTIVE authorization for it, each with their valid enterprise
 * signing certificates). Only for an enterprise one of whose certificates completed a scan request
 * with this platform; any other (or deleted) enterprise is not_found, as an unknown one.
 */
export async function getPlatformOrganization({ platformId, uscc: raw }: { platformId: string; uscc: string }, now = new Date()): Promise<TPlatformOrganization> {
  const { uscc } = ZOrganizationParams.parse({ uscc: raw });
  const org = await db.organization.findFirst({
    where: { uscc: uscc.toUpperCase(), deletedAt: null },
    select: { id: true, name: true, uscc: true, legalRepName: true, address: true },
  });
  const orgCertificates = org ? await db.certificate.findMany({ where: { orgId: org.id }, select: { id: true } }) : [];
  const met = orgCertificates.length ? await db.scanRequest.count({ where: { platformId, status: "COMPLETED", certificateId: { in: orgCertificates.map((c) => c.id) } } }) : 0;
  if (!org || met === 0) throw new AppError("not_found");
  const [seals, members] = await Promise.all([
    db.seal.findMany({ where: { orgId: org.id, status: "APPROVED" }, select: { id: true, name: true, kind: true }, orderBy: { createdAt: "asc" } }),
    db.membership.findMany({
      where: {
        orgId: org.id,
        status: "ACTIVE",
        OR: [{ role: "ADMIN" }, { authorizations: { some: { platformId, status: "ACTIVE" } } }],
      },
      orderBy: { createdAt: "asc" },
      select: {
        role: true,
        userId: true,
        user: { select: { realName: true, name: true } },
        authorizations: { where: { platformId, status: "ACTIVE" }, orderBy: { grantedAt: "asc" }, take: 1, select: { grantedAt: true } },
      },
    }),
  ]);
  const certificates = await db.certificate.findMany({
    where: { orgId: org.id, usage: "SIGN", status: "VALID", notAfter: { gt: now }, userId: { in: members.map((m) => m.userId) } },
    orderBy: { createdAt: "asc" },
    select: { userId: true, serialHex: true },
  });
  return {
    name: org.name,
    uscc: org.uscc,
    legalRepName: org.legalRepName,
    address: org.address,
    seals: seals.map((s) => ({ id: s.id, name: s.name, kind: s.kind.toLowerCase() as Lowercase<typeof s.kind> })),
    holders: members.map((m) => {
      const isAdmin = m.role === "ADMIN";
      return {
        name: m.user.realName ?? m.user.name ?? "",
        role: isAdmin ? ("administrator" as const) : ("member" as const),
        basis: isAdmin ? ("administrator" as const) : ("authorization" as const),
        grantedAt: isAdmin ? null : (m.authorizations[0]?.grantedAt.toISOString() ?? null),
        certificates: certificates.filter((c) => c.userId === m.userId).map((c) => c.serialHex),
      };
    }),
    checkedAt: now.toISOString(),
  };
}
