import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import type { OrgRequestStatus } from "@/lib/generated/prisma/enums";
import { maskPhone } from "@/lib/server/auth/session-user";
import { hasOrgPermission } from "./org-permissions";
import { adminStagePermission } from "./request-stage";

/**
 * The requests page: `pending` — the requests waiting for the caller by role (the legal person's stage for a
 * LEGAL_REP, joins for members.manage, certificate requests for certs.manage; never one's own), and `mine` —
 * the caller's own requests in this organization, every status, newest first. A joiner who is not a member
 * yet sees only their own; someone with neither membership nor request: NOT_FOUND.
 */
export async function listOrgRequests({ userId, orgId }: { userId: string; orgId: string }) {
  const membership = await db.membership.findFirst({ where: { orgId, userId, status: "ACTIVE" }, select: { role: true } });
  const role = membership?.role;
  const stages: Array<{ status: OrgRequestStatus; kind: "JOIN" | "CERT" }> = [];
  if (role) {
    for (const kind of ["JOIN", "CERT"] as const) {
      if (hasOrgPermission(role, "approvals.legalRep")) stages.push({ status: "PENDING_LEGAL_REP", kind });
      if (hasOrgPermission(role, adminStagePermission(kind))) stages.push({ status: "PENDING_ADMIN", kind });
    }
  }
  const select = {
    id: true, kind: true, status: true, platformIds: true, years: true, orderId: true, reason: true, createdAt: true, decidedAt: true, targetUserId: true,
    requesterId: true,
  } as const;
  const [pending, mine] = await Promise.all([
    stages.length ? db.orgRequest.findMany({ where: { orgId, requesterId: { not: userId }, OR: stages }, orderBy: { createdAt: "asc" }, select }) : [],
    db.orgRequest.findMany({ where: { orgId, requesterId: userId }, orderBy: { createdAt: "desc" }, take: 50, select }),
  ]);
  if (!role && mine.length === 0) throw new AppError("not_found");
  const userIds = [...new Set([...pending, ...mine].flatMap((r) => [r.requesterId, r.targetUserId].filter((x): x is string => !!x)))];
  const platformIds = [...new Set([...pending, ...mine].flatMap((r) => r.platformIds))];
  const [users, platforms, org] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, realName: true, phone: true } }),
    db.tradingPlatform.findMany({ where: { id: { in: platformIds } }, select: { id: true, name: true, nameEn: true } }),
    db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { name: true } }),
  ]);
  const person = (id: string | null) => {
    const u = users.find((x) => x.id === id);
    return u ? { id: u.id, name: u.realName ?? u.name ?? maskPhone(u.phone), phone: maskPhone(u.phone) } : null;
  };
  const view = (r: (typeof mine)[number]) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    years: r.years,
    orderId: r.orderId,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    requester: person(r.requesterId),
    target: person(r.targetUserId),
    platforms: r.platformIds.map((id) => platforms.find((p) => p.id === id)).filter((p) => !!p),
  });
  return { orgName: org.name, role: role ?? null, pending: pending.map(view), mine: mine.map(view) };
}

export type TOrgRequestView = Awaited<ReturnType<typeof listOrgRequests>>["pending"][number];
