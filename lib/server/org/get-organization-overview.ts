import { db } from "@/lib/db/client";
import { maskPhone } from "@/lib/server/auth/session-user";
import { maskIdNumber, maskName } from "@/lib/validators/mask";
import { hasOrgPermission } from "./org-permissions";
import { requireMember } from "./require-member";

/**
 * 企业概况 (org.view): the organization's details (the legal representative masked), the caller's role and
 * what they may do, and counts: ACTIVE members, VALID certificates, ACTIVE authorizations, open requests.
 * With org.edit also the organization's VALID certificates, for 变更企业信息 (the change flow picks them).
 */
export async function getOrganizationOverview({ userId, orgId }: { userId: string; orgId: string }) {
  const me = await requireMember({ userId, orgId, permission: "org.view" });
  const org = await db.organization.findUniqueOrThrow({
    where: { id: orgId },
    select: { id: true, name: true, uscc: true, legalRepName: true, legalRepIdNumber: true, address: true, verifiedAt: true, createdAt: true },
  });
  const [members, validCertificates, authorizations, openRequests] = await Promise.all([
    db.membership.count({ where: { orgId, status: "ACTIVE" } }),
    db.certificate.count({ where: { orgId, status: "VALID" } }),
    db.platformAuthorization.count({ where: { orgId, status: "ACTIVE" } }),
    db.orgRequest.count({ where: { orgId, status: { in: ["PENDING_LEGAL_REP", "PENDING_ADMIN", "PENDING_CA"] } } }),
  ]);
  const canEdit = hasOrgPermission(me.role, "org.edit");
  const certificates = canEdit
    ? await db.certificate.findMany({
        where: { orgId, status: "VALID" },
        orderBy: { createdAt: "desc" },
        select: { id: true, serialHex: true, usage: true, notAfter: true, user: { select: { name: true, realName: true, phone: true } } },
      })
    : [];
  return {
    org: {
      id: org.id,
      name: org.name,
      uscc: org.uscc,
      legalRepName: maskName(org.legalRepName),
      legalRepIdNumber: maskIdNumber(org.legalRepIdNumber),
      address: org.address,
      verifiedAt: org.verifiedAt,
      createdAt: org.createdAt,
    },
    myRole: me.role,
    can: {
      viewMembers: hasOrgPermission(me.role, "members.view"),
      manageMembers: hasOrgPermission(me.role, "members.manage"),
      manageAuthorizations: hasOrgPermission(me.role, "authorizations.manage"),
      manageCertificates: hasOrgPermission(me.role, "certs.manage"),
      edit: canEdit,
      transfer: hasOrgPermission(me.role, "org.transferAdmin"),
      delete: hasOrgPermission(me.role, "org.delete"),
      viewAllUsage: hasOrgPermission(me.role, "usage.viewAll"),
    },
    counts: { members, validCertificates, authorizations, openRequests },
    certificates: certificates.map((c) => ({ id: c.id, serialHex: c.serialHex, usage: c.usage, notAfter: c.notAfter, holder: c.user ? (c.user.realName ?? c.user.name ?? maskPhone(c.user.phone)) : "—" })),
  };
}
