import { AppError } from "@/lib/errors";
import { db, type Db, type Tx } from "@/lib/db/client";

/**
 * The signing certificate a seal may be bound to: VALID, unexpired, for signing, and the enterprise's
 * (`orgId`) or the person's own (`userId`). Anything else is NOT_FOUND (an id reveals nothing).
 */
export async function findBindableCertificate({ certificateId, orgId, userId }: { certificateId: string; orgId?: string; userId?: string }, client: Db | Tx = db) {
  const certificate = await client.certificate.findFirst({
    where: { id: certificateId, usage: "SIGN", status: "VALID", notAfter: { gt: new Date() }, ...(orgId ? { orgId } : { userId }) },
    select: { id: true, der: true, notAfter: true, userId: true, orderId: true, serialHex: true },
  });
  if (!certificate) throw new AppError("not_found", { userMessage: "seals.errors.noCertificate" });
  return certificate;
}
