import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { revokePair } from "@/lib/server/certs/revoke-pair";
import { requireMember } from "./require-member";

/**
 * 吊销成员证书 (certs.manage): one VALID certificate of this organization held by one of its members is
 * revoked (privilegeWithdrawn) with the other half of its pair, without removing the member. revokePair's
 * conditional update makes it one outcome under parallel calls (the others CONFLICT); org.certificate_revoked
 * is written in the same transaction.
 */
export async function revokeMemberCertificate({ userId, orgId, certificateId, ip }: { userId: string; orgId: string; certificateId: string; ip?: string }) {
  await requireMember({ userId, orgId, permission: "certs.manage" });
  const certificate = await db.certificate.findFirst({
    where: { id: certificateId, orgId, user: { memberships: { some: { orgId } } } },
    select: { id: true, serialHex: true, userId: true, status: true },
  });
  if (!certificate) throw new AppError("not_found");
  if (certificate.status !== "VALID") throw new AppError("conflict", { userMessage: "orgMembers.errors.notValid" });
  await revokePair({
    certificateId,
    reason: "privilegeWithdrawn",
    actorId: userId,
    ip,
    extra: (tx) =>
      writeAudit(tx, {
        actorId: userId,
        ip,
        action: "org.certificate_revoked",
        targetType: "organization",
        targetId: orgId,
        data: { serialHex: certificate.serialHex, holderId: certificate.userId, reason: "privilegeWithdrawn" },
      }).then(() => undefined),
  });
  return { serialHex: certificate.serialHex };
}
