import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assignPrimaryAdmin } from "./assign-primary-admin";
import { ensureMembership } from "./ensure-membership";
import { upsertOrganizationFromOrder } from "./upsert-organization-from-order";

/**
 * The enterprise certificate of a UNIT order was issued to its applicant (证书下载, in that transaction).
 * The organization has no ACTIVE administrator → the holder becomes it (the claim: org.admin_assigned via
 * "claim", and the organization counts as verified from now on); otherwise the holder becomes a MEMBER if
 * they are not one already (org.member_added via "order"). The organization row is locked before the
 * administrator is looked for, so parallel first downloads of two claimants make exactly one administrator.
 * An order submitted before organizations existed gets its organization here (and its certificates with it).
 * A deleted organization gets no members.
 * The lock is FOR NO KEY UPDATE, as everywhere the desk locks an organization: it orders these calls
 * one after another all the same, and it does not wait for the KEY SHARE locks that inserting rows which
 * reference the organization take (this transaction's own certificates hold one: two parallel downloads
 * in one enterprise, each holding KEY SHARE and asking FOR UPDATE, deadlocked).
 */
export async function onEnterpriseCertificateIssued(tx: Tx, { orderId, userId, orgId }: { orderId: string; userId: string; orgId: string | null }) {
  let id = orgId;
  if (!id) {
    id = await upsertOrganizationFromOrder(tx, { orderId, actorId: userId });
    if (!id) return null;
    await tx.certificate.updateMany({ where: { orderId, orgId: null }, data: { orgId: id } });
  }
  const [org] = await tx.$queryRaw<Array<{ id: string; deletedAt: Date | null; verifiedAt: Date | null }>>`
    SELECT "id", "deletedAt", "verifiedAt" FROM "Organization" WHERE "id" = ${id} FOR NO KEY UPDATE`;
  if (!org || org.deletedAt) return null;
  const admin = await tx.membership.findFirst({ where: { orgId: id, role: "ADMIN", status: "ACTIVE" }, select: { userId: true } });
  if (!admin) {
    await assignPrimaryAdmin({ orgId: id, userId }, tx);
    await writeAudit(tx, { actorId: userId, action: "org.admin_assigned", targetType: "organization", targetId: id, data: { userId, via: "claim" } });
    if (!org.verifiedAt) await tx.organization.update({ where: { id }, data: { verifiedAt: new Date() } });
    return { orgId: id, role: "ADMIN" as const };
  }
  if (admin.userId === userId) return { orgId: id, role: "ADMIN" as const };
  const { membership } = await ensureMembership(tx, { orgId: id, userId, role: "MEMBER", actorId: userId, via: "order" });
  return { orgId: id, role: membership.role };
}
