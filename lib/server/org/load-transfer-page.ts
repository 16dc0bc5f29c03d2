import { db } from "@/lib/db/client";
import { maskPhone } from "@/lib/server/auth/session-user";
import { requireMember } from "./require-member";

/**
 * 转授管理员 page: only the administrator (org.transferAdmin; others FORBIDDEN, outsiders NOT_FOUND): the
 * members who can take over (ACTIVE, not the legal person's approval role) and a paper transfer waiting for the CA.
 */
export async function loadTransferPage({ userId, orgId }: { userId: string; orgId: string }) {
  await requireMember({ userId, orgId, permission: "org.transferAdmin" });
  const [org, members, open] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { name: true } }),
    db.membership.findMany({ where: { orgId, status: "ACTIVE", userId: { not: userId }, role: { notIn: ["LEGAL_REP", "ADMIN"] } }, orderBy: { createdAt: "asc" }, select: { userId: true, role: true, user: { select: { name: true, realName: true, phone: true } } } }),
    db.orgRequest.findFirst({ where: { orgId, requesterId: userId, kind: "TRANSFER_ADMIN", status: "PENDING_CA" }, select: { id: true, targetUserId: true, createdAt: true } }),
  ]);
  const people = members.map((m) => ({ userId: m.userId, role: m.role, name: m.user.realName ?? m.user.name ?? maskPhone(m.user.phone), phone: maskPhone(m.user.phone) }));
  return { orgName: org.name, members: people, openPaper: open ? { id: open.id, targetName: people.find((p) => p.userId === open.targetUserId)?.name ?? "", createdAt: open.createdAt.toISOString() } : null };
}
