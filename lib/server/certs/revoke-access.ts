import { AppError } from "@/lib/errors";
import { db, type Db, type Tx } from "@/lib/db/client";
import { requireMember } from "@/lib/server/org/require-member";

/**
 * The certificate a desk or phone user may revoke: one they hold, or an enterprise certificate of an
 * organization where they have certs.manage. Anyone else's is NOT_FOUND (an id reveals nothing); a
 * member of its organization without certs.manage gets FORBIDDEN from requireMember.
 */
export async function revocableCertificate({ userId, certificateId }: { userId: string; certificateId: string }, client: Db | Tx = db) {
  const certificate = await client.certificate.findUnique({
    where: { id: certificateId },
    select: { id: true, serialHex: true, userId: true, orgId: true, status: true, usage: true, subjectType: true, subjectName: true, notAfter: true, orderId: true },
  });
  if (!certificate) throw new AppError("not_found");
  if (certificate.userId === userId) return certificate;
  if (!certificate.orgId) throw new AppError("not_found");
  await requireMember({ userId, orgId: certificate.orgId, permission: "certs.manage" }, client);
  return certificate;
}
