import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { parseInput } from "@/lib/server/http/parse-input";
import { voidOrgSeals } from "@/lib/server/seals/void-org-seals";
import { ZConfirmName } from "./org-members.types";
import { requireMember } from "./require-member";
import { revokeAuthorizationsOf } from "./revoke-authorizations-of";
import { revokeOrgCertificates } from "./revoke-org-certificates";

/**
 * 删除企业 (org.delete): the caller types the organization's name to confirm. In one transaction the row gets
 * deletedAt (one conditional update: parallel deletions → one success, the others CONFLICT or NOT_FOUND), its
 * seals are voided, its ACTIVE authorizations revoked and org.deleted written with the counts; then every
 * VALID certificate of the organization is revoked (cessationOfOperation; job org.revoke_certificates, queued in
 * the transaction, finishes it after a crash). From then on requireMember answers
 * NOT_FOUND for it and nobody lists it.
 */
export async function deleteOrganization({ userId, orgId, confirmName, ip }: { userId: string; orgId: string; confirmName: unknown; ip?: string }) {
  const typed = parseInput(ZConfirmName, confirmName);
  const { certificateIds } = await db.$transaction(async (tx) => {
    await requireMember({ userId, orgId, permission: "org.delete" }, tx);
    const org = await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { name: true } });
    if (typed !== org.name.trim()) throw new AppError("validation_failed", { userMessage: "orgMembers.errors.nameMismatch", fields: { confirmName: ["orgMembers.errors.nameMismatch"] } });
    const { count } = await tx.organization.updateMany({ where: { id: orgId, deletedAt: null }, data: { deletedAt: new Date() } });
    if (count === 0) throw new AppError("conflict");
    const sealsVoided = await voidOrgSeals(tx, { orgId, actorId: userId, ip });
    await revokeAuthorizationsOf(tx, { orgId, actorId: userId });
    const certificates = await tx.certificate.findMany({ where: { orgId, status: "VALID" }, select: { id: true } });
    // The safety net: revoked right after the commit below; a crash in between leaves this job to finish it.
    if (certificates.length > 0) {
      await enqueueJob(tx, { type: "org.revoke_certificates", payload: { certificateIds: certificates.map((c) => c.id), reason: "cessationOfOperation", actorId: userId }, runAt: new Date(Date.now() + 60_000) });
    }
    await writeAudit(tx, { actorId: userId, ip, action: "org.deleted", targetType: "organization", targetId: orgId, data: { revoked: certificates.length, sealsVoided } });
    return { certificateIds: certificates.map((c) => c.id) };
  });
  const revoked = await revokeOrgCertificates({ certificateIds, reason: "cessationOfOperation", actorId: userId, ip });
  return { revoked };
}
