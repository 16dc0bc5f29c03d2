// Enterprise certificates for the scan tests: an organization, the holder's membership and their
// certificates moved into it, platform authorizations, all written directly with Prisma (the flows
// that create them are built elsewhere).
import type { OrgRole } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { holderWithCertificates } from "./scan-phone-support";
import { uniqueIdNumber, uniqueUscc } from "./orders-fixtures";

export async function createOrg({ name = "示例建设工程有限公司", address = "北京市海淀区中关村大街 1 号" }: { name?: string; address?: string | null } = {}) {
  return db.organization.create({
    data: { name, uscc: uniqueUscc(), legalRepName: "王五", legalRepIdType: "RESIDENT_ID", legalRepIdNumber: uniqueIdNumber(), address },
  });
}

/** A holder whose downloaded certificate pair is the organization's, with a membership in `role`. */
export async function enterpriseHolder(orgId: string, role: OrgRole = "MEMBER") {
  const holder = await holderWithCertificates();
  await db.certificate.updateMany({ where: { userId: holder.user.id }, data: { orgId, subjectType: "UNIT" } });
  const membership = await db.membership.create({ data: { orgId, userId: holder.user.id, role } });
  return { ...holder, membership };
}

export async function authorize({ orgId, membershipId, platformId, grantedById }: { orgId: string; membershipId: string; platformId: string; grantedById: string }) {
  return db.platformAuthorization.create({ data: { orgId, membershipId, platformId, grantedById } });
}

export async function revokeAuthorization(id: string, revokedById: string) {
  await db.platformAuthorization.update({ where: { id }, data: { status: "REVOKED", revokedAt: new Date(), revokedById } });
}

export async function removeMember(membershipId: string) {
  await db.membership.update({ where: { id: membershipId }, data: { status: "REMOVED", removedAt: new Date() } });
}
