import { db } from "@/lib/db/client";
import { maskPhone } from "@/lib/server/auth/session-user";
import { hasOrgPermission } from "./org-permissions";
import { requireMember } from "./require-member";

/**
 * 授权管理: the organization's authorizations by person and by platform (ACTIVE), and the history (every
 * row, revoked ones included, newest first). A caller without authorizations.manage sees only their own.
 * Also the members and platforms a grant can name (for the form), for managers: not the caller, not the
 * administrator (who uses the certificate everywhere), not the legal person's approval role.
 */
export async function listAuthorizations({ userId, orgId }: { userId: string; orgId: string }) {
  const me = await requireMember({ userId, orgId, permission: "org.view" });
  const canManage = hasOrgPermission(me.role, "authorizations.manage");
  const rows = await db.platformAuthorization.findMany({
    where: { orgId, ...(canManage ? {} : { membershipId: me.id }) },
    orderBy: { grantedAt: "desc" },
    take: 500,
    select: {
      id: true, status: true, grantedAt: true, revokedAt: true, grantedById: true, revokedById: true, signatureId: true,
      platform: { select: { id: true, name: true, nameEn: true } },
      membership: { select: { id: true, userId: true, status: true, user: { select: { name: true, realName: true, phone: true } } } },
    },
  });
  const actorIds = [...new Set(rows.flatMap((r) => [r.grantedById, r.revokedById].filter((x): x is string => !!x)))];
  const actors = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, realName: true, phone: true } });
  const nameOf = (u: { name: string | null; realName: string | null; phone: string } | undefined) => (u ? (u.realName ?? u.name ?? maskPhone(u.phone)) : "");
  const history = rows.map((r) => ({
    id: r.id,
    status: r.status,
    grantedAt: r.grantedAt.toISOString(),
    revokedAt: r.revokedAt?.toISOString() ?? null,
    signed: r.signatureId !== null,
    platform: r.platform,
    member: { userId: r.membership.userId, name: nameOf(r.membership.user), phone: maskPhone(r.membership.user.phone), isActive: r.membership.status === "ACTIVE" },
    grantedBy: nameOf(actors.find((a) => a.id === r.grantedById)),
    revokedBy: r.revokedById ? nameOf(actors.find((a) => a.id === r.revokedById)) : null,
  }));
  const active = history.filter((h) => h.status === "ACTIVE");
  const group = <K extends string>(key: (h: (typeof active)[number]) => K) => {
    const map = new Map<K, typeof active>();
    for (const h of active) map.set(key(h), [...(map.get(key(h)) ?? []), h]);
    return [...map.values()];
  };
  const byPerson = group((h) => h.member.userId).map((list) => ({ member: list[0]!.member, authorizations: list }));
  const byPlatform = group((h) => h.platform.id).map((list) => ({ platform: list[0]!.platform, authorizations: list }));
  const [members, platforms] = canManage
    ? await Promise.all([
        db.membership.findMany({ where: { orgId, status: "ACTIVE", userId: { not: userId }, role: { notIn: ["LEGAL_REP", "ADMIN"] } }, orderBy: { createdAt: "asc" }, select: { userId: true, role: true, user: { select: { name: true, realName: true, phone: true } } } }),
        db.tradingPlatform.findMany({ where: { active: true, isDesk: false }, orderBy: { name: "asc" }, select: { id: true, name: true, nameEn: true } }),
      ])
    : [[], []];
  return {
    canManage,
    byPerson,
    byPlatform,
    history,
    members: members.map((m) => ({ userId: m.userId, role: m.role, name: nameOf(m.user), phone: maskPhone(m.user.phone) })),
    platforms,
  };
}

export type TAuthorizationList = Awaited<ReturnType<typeof listAuthorizations>>;
