import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { queueEmail } from "@/lib/server/notify/queue-email";
import { translator } from "@/lib/i18n/translate";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { requireMember } from "./require-member";
import { revokeAuthorizationsOf } from "./revoke-authorizations-of";
import { revokeOrgCertificates } from "./revoke-org-certificates";

/**
 * 移除成员 (members.manage). Neither the administrator nor oneself can be removed. The membership becomes
 * REMOVED (one conditional update: of parallel removals exactly one succeeds, the others CONFLICT), its
 * ACTIVE platform authorizations are revoked and org.member_removed is written, in one transaction; then
 * every VALID certificate of this organization the member holds is revoked (affiliationChanged) through
 * revokeCertificate, so OCSP and the CRL say so within seconds (job org.revoke_certificates, queued in the
 * transaction, finishes it should the process die in between).
 */
export async function removeMember({ userId, orgId, memberId, ip }: { userId: string; orgId: string; memberId: string; ip?: string }) {
  const { target, certificateIds, authorizationsRevoked } = await db.$transaction(async (tx) => {
    await requireMember({ userId, orgId, permission: "members.manage" }, tx);
    const target = await tx.membership.findFirst({ where: { id: memberId, orgId, status: "ACTIVE" }, select: { id: true, userId: true, role: true } });
    if (!target) throw new AppError("not_found");
    if (target.userId === userId) throw new AppError("conflict", { userMessage: "orgMembers.errors.removeSelf" });
    if (target.role === "ADMIN") throw new AppError("conflict", { userMessage: "orgMembers.errors.removeAdmin" });
    const { count } = await tx.membership.updateMany({ where: { id: target.id, status: "ACTIVE", role: { not: "ADMIN" } }, data: { status: "REMOVED", removedAt: new Date() } });
    if (count === 0) throw new AppError("conflict", { userMessage: "orgMembers.errors.alreadyRemoved" });
    const authorizationsRevoked = await revokeAuthorizationsOf(tx, { orgId, membershipId: target.id, actorId: userId });
    const certificates = await tx.certificate.findMany({ where: { orgId, userId: target.userId, status: "VALID" }, select: { id: true } });
    // The safety net: revoked right after the commit below; a crash in between leaves this job to finish it.
    if (certificates.length > 0) {
      await enqueueJob(tx, { type: "org.revoke_certificates", payload: { certificateIds: certificates.map((c) => c.id), reason: "affiliationChanged", actorId: userId }, runAt: new Date(Date.now() + 60_000) });
    }
    await writeAudit(tx, {
      actorId: userId,
      ip,
      action: "org.member_removed",
      targetType: "organization",
      targetId: orgId,
      data: { userId: target.userId, revoked: certificates.length, authorizationsRevoked },
    });
    // The removed person learns it at once (inbox, and e-mail where they gave one), in the same transaction.
    const [person, org] = await Promise.all([
      tx.user.findUniqueOrThrow({ where: { id: target.userId }, select: { email: true, locale: true } }),
      tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { name: true } }),
    ]);
    const t = translator(person.locale === "en" ? "en" : "zh-CN");
    const notice = { title: t("orgMembers.inbox.removedTitle", { org: org.name }), body: t("orgMembers.inbox.removedBody", { org: org.name, count: certificates.length }) };
    await tx.inboxMessage.create({ data: { userId: target.userId, ...notice, link: "/m/certs" } });
    if (person.email) await queueEmail(tx, { to: person.email, subject: notice.title, text: notice.body, template: "org_member_removed" });
    return { target, certificateIds: certificates.map((c) => c.id), authorizationsRevoked };
  });
  const revoked = await revokeOrgCertificates({ certificateIds, reason: "affiliationChanged", actorId: userId, ip });
  return { userId: target.userId, revoked, authorizationsRevoked };
}
