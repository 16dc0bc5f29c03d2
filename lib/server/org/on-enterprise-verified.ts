import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assignPrimaryAdmin } from "./assign-primary-admin";
import { ensureMembership } from "./ensure-membership";
import { upsertOrganization, type EnterpriseDetails } from "./upsert-organization";

/**
 * An enterprise check passed (对公打款 to its corporate account, or the legal representative's check in the
 * unit wizard), in the transaction that marks it PASSED. The Organization is created if its USCC is new (an
 * existing one is never overwritten; a deleted one comes back) and counts as verified. The organization row is
 * locked before the administrator is looked for, so parallel passes of several payers make exactly one
 * administrator: none ACTIVE → the user becomes it (org.admin_assigned); else the user becomes an ACTIVE
 * MEMBER (org.member_added), an existing member keeping their role. A wizard's order is linked to it, so its
 * later download keeps the applicant administrator (onEnterpriseCertificateIssued finds them).
 */
export async function onEnterpriseVerified(
  tx: Tx,
  { userId, checkId, enterprise, via, orderId = null }: { userId: string; checkId: string; enterprise: EnterpriseDetails; via: "deposit" | "legal_rep"; orderId?: string | null },
) {
  const orgId = await upsertOrganization(tx, { enterprise, actorId: userId, orderId });
  if (orderId) await tx.order.updateMany({ where: { id: orderId, OR: [{ orgId: null }, { orgId: { not: orgId } }] }, data: { orgId } });
  await tx.$queryRaw`SELECT "id" FROM "Organization" WHERE "id" = ${orgId} FOR NO KEY UPDATE`;
  await tx.organization.updateMany({ where: { id: orgId, verifiedAt: null }, data: { verifiedAt: new Date() } });
  const admin = await tx.membership.findFirst({ where: { orgId, role: "ADMIN", status: "ACTIVE" }, select: { userId: true } });
  if (admin?.userId === userId) return { orgId, role: "ADMIN" as const, checkId };
  if (!admin) {
    await assignPrimaryAdmin({ orgId, userId }, tx);
    await writeAudit(tx, { actorId: userId, action: "org.admin_assigned", targetType: "organization", targetId: orgId, data: { userId, via: via === "deposit" ? "deposit" : "claim" } });
    return { orgId, role: "ADMIN" as const, checkId };
  }
  const { membership } = await ensureMembership(tx, { orgId, userId, role: "MEMBER", actorId: userId, via: via === "deposit" ? "deposit" : "order" });
  return { orgId, role: membership.role, checkId };
}
