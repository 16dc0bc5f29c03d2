import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { assertPermission } from "@/lib/server/auth/permissions";
import { db } from "@/lib/db/client";

const person = { select: { id: true, name: true, realName: true, phone: true, realNameVerifiedAt: true } } as const;

/**
 * One paper administrator transfer for the console's review page (orgs.review): the enterprise, the
 * administrator who asked, the member who would take over (with their membership as it is now), the
 * current primary administrator, and the uploaded form's type and digest. NOT_FOUND for any other
 * request id (a request without paper is not the CA's to see here).
 */
export async function consoleGetOrgRequest({ user, requestId }: { user: { role: Role }; requestId: string }) {
  assertPermission(user, "orgs.review");
  const r = await db.orgRequest.findFirst({
    where: { id: requestId, kind: "TRANSFER_ADMIN", paperKey: { not: null } },
    select: {
      id: true,
      orgId: true,
      status: true,
      requesterId: true,
      targetUserId: true,
      paperMime: true,
      paperSha256: true,
      decidedById: true,
      decidedAt: true,
      reason: true,
      createdAt: true,
      org: {
        select: {
          id: true,
          name: true,
          uscc: true,
          legalRepName: true,
          deletedAt: true,
          members: { where: { status: "ACTIVE" }, select: { userId: true, role: true, createdAt: true } },
        },
      },
    },
  });
  if (!r) throw new AppError("not_found");
  const ids = [r.requesterId, r.targetUserId, r.decidedById].filter((v): v is string => Boolean(v));
  const people = new Map((await db.user.findMany({ where: { id: { in: ids } }, ...person })).map((u) => [u.id, u]));
  const roleOf = (userId: string | null) => (userId ? (r.org.members.find((m) => m.userId === userId)?.role ?? null) : null);
  const who = (id: string | null) => {
    const u = id ? people.get(id) : undefined;
    return u ? { id: u.id, name: u.realName ?? u.name, phone: u.phone, verified: u.realNameVerifiedAt !== null, role: roleOf(u.id) } : null;
  };
  const admin = r.org.members.find((m) => m.role === "ADMIN");
  return {
    id: r.id,
    status: r.status,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
    decidedBy: ((d) => (d ? (d.name ?? d.phone) : null))(who(r.decidedById)),
    reason: r.reason,
    org: { id: r.org.id, name: r.org.name, uscc: r.org.uscc, legalRepName: r.org.legalRepName, deleted: r.org.deletedAt !== null },
    from: who(r.requesterId),
    to: who(r.targetUserId),
    // The requester must still be the primary administrator for the swap to go through.
    requesterIsAdmin: admin?.userId === r.requesterId,
    paper: { mime: r.paperMime, sha256: r.paperSha256, url: `/api/console/org-requests/${r.id}/paper` },
  };
}
