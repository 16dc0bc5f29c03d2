import { db } from "@/lib/db/client";
import { SEAL_USER_ROLES } from "./grant-seal-use";

/**
 * The seals `userId` may stamp with `certificateId` (the phone's seal picker on a SIGN confirm, the check at
 * completion): the certificate VALID, unexpired and the caller's; the seal APPROVED, within its validity, and
 * either bound to that certificate (the caller's own seal, or their enterprise's while they are an ACTIVE
 * member) or an enterprise seal whose use was granted to that certificate (授权用章, an ACTIVE grant) while the
 * caller is an ACTIVE member whose role may use seals. Empty when none.
 */
export async function listUsableSeals({ userId, certificateId }: { userId: string; certificateId: string }) {
  const now = new Date();
  const certificate = await db.certificate.findFirst({ where: { id: certificateId, userId, status: "VALID", notAfter: { gt: now } }, select: { id: true } });
  if (!certificate) return [];
  const member = { deletedAt: null, members: { some: { userId, status: "ACTIVE" as const } } };
  const rows = await db.seal.findMany({
    where: {
      status: "APPROVED",
      AND: [
        { OR: [{ validTo: null }, { validTo: { gt: now } }] },
        {
          OR: [
            { certificateId, orgId: null, userId },
            { certificateId, org: member },
            { grants: { some: { certificateId, status: "ACTIVE" } }, org: { deletedAt: null, members: { some: { userId, status: "ACTIVE", role: { in: SEAL_USER_ROLES } } } } },
          ],
        },
      ],
    },
    select: { id: true, name: true, kind: true, source: true, esId: true, processedKey: true, widthMm: true, heightMm: true, validTo: true, orgId: true },
    orderBy: { createdAt: "asc" },
  });
  return rows;
}

export type TUsableSeal = Awaited<ReturnType<typeof listUsableSeals>>[number];
