import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { assertPermission } from "@/lib/server/auth/permissions";
import { db } from "@/lib/db/client";

const person = { select: { id: true, name: true, realName: true, phone: true } } as const;
type Person = { id: string; name: string | null; realName: string | null; phone: string };
const displayName = (u: Person | null | undefined) => (u ? (u.realName ?? u.name ?? u.phone) : null);

/**
 * One enterprise for the console (orgs.view): its details, every member (removed ones too, with role and
 * status), its certificates with their holders, its requests (open and decided), its platform
 * authorizations and the audit rows written about it (targetType "organization"). A deleted enterprise
 * is shown as it was left. NOT_FOUND for an unknown id.
 */
export async function consoleGetOrganization({ user, orgId, auditTake = 200 }: { user: { role: Role }; orgId: string; auditTake?: number }) {
  assertPermission(user, "orgs.view");
  const org = await db.organization.findUnique({
    where: { id: orgId },
    select: {
      id: true,
      name: true,
      uscc: true,
      legalRepName: true,
      legalRepIdType: true,
      legalRepIdNumber: true,
      legalRepPhone: true,
      address: true,
      verifiedAt: true,
      deletedAt: true,
      createdAt: true,
      updatedAt: true,
      members: {
        orderBy: [{ status: "asc" }, { createdAt: "asc" }],
        select: { id: true, userId: true, role: true, status: true, createdAt: true, removedAt: true, user: person },
      },
      certificates: {
        orderBy: { createdAt: "desc" },
        select: { id: true, serialHex: true, usage: true, status: true, subjectName: true, notBefore: true, notAfter: true, revokedAt: true, orderId: true, user: person },
      },
      requests: {
        orderBy: { createdAt: "desc" },
        select: { id: true, kind: true, status: true, requesterId: true, targetUserId: true, platformIds: true, orderId: true, paperKey: true, decidedById: true, decidedAt: true, reason: true, createdAt: true },
      },
      authorizations: {
        orderBy: { grantedAt: "desc" },
        select: {
          id: true,
          status: true,
          grantedAt: true,
          grantedById: true,
          revokedAt: true,
          signatureId: true,
          platform: { select: { id: true, name: true, nameEn: true } },
          membership: { select: { userId: true, user: person } },
        },
      },
    },
  });
  if (!org) throw new AppError("not_found");
  const audit = await db.auditLog.findMany({
    where: { targetType: "organization", targetId: orgId },
    orderBy: { id: "desc" },
    take: auditTake,
    select: { id: true, at: true, action: true, actorId: true, data: true, ip: true, actor: person },
  });

  // Everyone the requests and authorizations point at, by id, resolved once.
  const ids = new Set<string>();
  for (const r of org.requests) [r.requesterId, r.targetUserId, r.decidedById].forEach((v) => v && ids.add(v));
  for (const a of org.authorizations) ids.add(a.grantedById);
  const people = new Map((await db.user.findMany({ where: { id: { in: [...ids] } }, ...person })).map((u) => [u.id, u]));
  const nameOf = (id: string | null) => (id ? (displayName(people.get(id)) ?? "—") : null);
  const platformIds = [...new Set(org.requests.flatMap((r) => r.platformIds))];
  const platforms = new Map(
    (await db.tradingPlatform.findMany({ where: { id: { in: platformIds } }, select: { id: true, name: true, nameEn: true } })).map((p) => [p.id, p]),
  );

  return {
    id: org.id,
    name: org.name,
    uscc: org.uscc,
    legalRepName: org.legalRepName,
    legalRepIdType: org.legalRepIdType,
    legalRepIdNumber: org.legalRepIdNumber,
    legalRepPhone: org.legalRepPhone,
    address: org.address,
    verifiedAt: org.verifiedAt,
    deletedAt: org.deletedAt,
    createdAt: org.createdAt,
    updatedAt: org.updatedAt,
    members: org.members.map((m) => ({
      id: m.id,
      userId: m.userId,
      name: m.user.realName ?? m.user.name,
      phone: m.user.phone,
      role: m.role,
      status: m.status,
      joinedAt: m.createdAt,
      removedAt: m.removedAt,
    })),
    certificates: org.certificates.map((c) => ({
      id: c.id,
      serialHex: c.serialHex,
      usage: c.usage,
      status: c.status,
      subjectName: c.subjectName,
      notBefore: c.notBefore,
      notAfter: c.notAfter,
      revokedAt: c.revokedAt,
      orderId: c.orderId,
      holder: c.user ? { id: c.user.id, name: displayName(c.user), phone: c.user.phone } : null,
    })),
    requests: org.requests.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      isOpen: r.status === "PENDING_LEGAL_REP" || r.status === "PENDING_ADMIN" || r.status === "PENDING_CA",
      requester: nameOf(r.requesterId),
      target: nameOf(r.targetUserId),
      platforms: r.platformIds.map((id) => platforms.get(id) ?? { id, name: id, nameEn: null }),
      orderId: r.orderId,
      hasPaper: r.paperKey !== null,
      decidedBy: nameOf(r.decidedById),
      decidedAt: r.decidedAt,
      reason: r.reason,
      createdAt: r.createdAt,
    })),
    authorizations: org.authorizations.map((a) => ({
      id: a.id,
      status: a.status,
      member: displayName(a.membership.user),
      memberPhone: a.membership.user.phone,
      platform: a.platform,
      grantedBy: nameOf(a.grantedById),
      grantedAt: a.grantedAt,
      revokedAt: a.revokedAt,
      signed: a.signatureId !== null,
    })),
    audit: audit.map((r) => ({ id: r.id.toString(), at: r.at, action: r.action, actor: r.actor ? displayName(r.actor) : null, data: r.data, ip: r.ip })),
  };
}
