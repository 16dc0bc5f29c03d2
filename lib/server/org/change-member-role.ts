import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { parseInput } from "@/lib/server/http/parse-input";
import { ZAssignableRole } from "./org-members.types";
import { requireMember } from "./require-member";

/**
 * 角色变更 (members.manage): MEMBER ↔ CERT_ADMIN ↔ SEAL_ADMIN. Never to or from ADMIN (转授管理员) or
 * LEGAL_REP (the legal person's verification). CERT_ADMIN only where the channel of the organization's newest
 * order allows certificate administrators. One conditional update on the role read (a parallel change of the
 * same member → CONFLICT) and org.member_role_changed in one transaction.
 */
export async function changeMemberRole({ userId, orgId, memberId, role: input, ip }: { userId: string; orgId: string; memberId: string; role: unknown; ip?: string }) {
  const role = parseInput(ZAssignableRole, input);
  return db.$transaction(async (tx) => {
    await requireMember({ userId, orgId, permission: "members.manage" }, tx);
    const target = await tx.membership.findFirst({ where: { id: memberId, orgId, status: "ACTIVE" }, select: { id: true, userId: true, role: true } });
    if (!target) throw new AppError("not_found");
    if (target.role === "ADMIN" || target.role === "LEGAL_REP") throw new AppError("conflict", { userMessage: "orgMembers.errors.roleNotAssignable" });
    if (target.role === role) return { role };
    if (role === "CERT_ADMIN") {
      const newest = await tx.order.findFirst({ where: { orgId }, orderBy: { createdAt: "desc" }, select: { channel: { select: { allowCertAdmins: true } } } });
      if (!newest?.channel.allowCertAdmins) throw new AppError("conflict", { userMessage: "orgMembers.errors.certAdminsNotAllowed" });
    }
    const { count } = await tx.membership.updateMany({ where: { id: target.id, status: "ACTIVE", role: target.role }, data: { role } });
    if (count === 0) throw new AppError("conflict");
    await writeAudit(tx, { actorId: userId, ip, action: "org.member_role_changed", targetType: "organization", targetId: orgId, data: { userId: target.userId, from: target.role, to: role } });
    return { role };
  });
}
