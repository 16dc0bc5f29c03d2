import { db } from "@/lib/db/client";
import { maskPhone } from "@/lib/server/auth/session-user";
import { requireMember } from "./require-member";

/**
 * 人员管理: the organization's ACTIVE members (members.view), administrator first, then by joining date:
 * name, masked phone, role, since when, and how many VALID certificates of this organization each holds.
 */
export async function listMembers({ userId, orgId }: { userId: string; orgId: string }) {
  await requireMember({ userId, orgId, permission: "members.view" });
  const rows = await db.membership.findMany({
    where: { orgId, status: "ACTIVE" },
    orderBy: { createdAt: "asc" },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, realName: true, phone: true } } },
  });
  const counts = await db.certificate.groupBy({
    by: ["userId"],
    where: { orgId, status: "VALID", userId: { in: rows.map((r) => r.user.id) } },
    _count: { _all: true },
  });
  const countOf = (id: string) => counts.find((c) => c.userId === id)?._count._all ?? 0;
  const members = rows.map((r) => ({
    id: r.id,
    userId: r.user.id,
    // An account that never gave a name is shown by its masked number.
    name: r.user.realName ?? r.user.name ?? maskPhone(r.user.phone),
    phone: maskPhone(r.user.phone),
    role: r.role,
    since: r.createdAt,
    validCertificates: countOf(r.user.id),
    isMe: r.user.id === userId,
  }));
  return [...members.filter((m) => m.role === "ADMIN"), ...members.filter((m) => m.role !== "ADMIN")];
}
