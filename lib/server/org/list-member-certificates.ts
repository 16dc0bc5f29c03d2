import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { maskPhone } from "@/lib/server/auth/session-user";
import { requireMember } from "./require-member";

/** A member's certificates of this organization (members.view), newest first, every status. */
export async function listMemberCertificates({ userId, orgId, memberId }: { userId: string; orgId: string; memberId: string }) {
  await requireMember({ userId, orgId, permission: "members.view" });
  const member = await db.membership.findFirst({ where: { id: memberId, orgId }, select: { id: true, userId: true, status: true, user: { select: { name: true, realName: true, phone: true } } } });
  if (!member) throw new AppError("not_found");
  const certificates = await db.certificate.findMany({
    where: { orgId, userId: member.userId },
    orderBy: [{ createdAt: "desc" }, { usage: "asc" }],
    select: { id: true, serialHex: true, usage: true, status: true, subjectName: true, notBefore: true, notAfter: true, revokedAt: true },
  });
  return { member: { id: member.id, name: member.user.realName ?? member.user.name ?? maskPhone(member.user.phone), status: member.status }, certificates };
}
