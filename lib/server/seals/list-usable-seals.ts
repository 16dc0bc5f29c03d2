import { db } from "@/lib/db/client";

/**
 * The seals `userId` may stamp with `certificateId` (the phone's seal picker on a SIGN confirm, the check at
 * completion): APPROVED, bound to that certificate, the certificate VALID and the caller's, and the seal
 * either the caller's own or their enterprise's (an ACTIVE member of a live enterprise). Empty when none.
 */
export async function listUsableSeals({ userId, certificateId }: { userId: string; certificateId: string }) {
  const now = new Date();
  const rows = await db.seal.findMany({
    where: {
      status: "APPROVED",
      certificateId,
      certificate: { userId, status: "VALID", notAfter: { gt: now } },
      AND: [
        { OR: [{ validTo: null }, { validTo: { gt: now } }] },
        { OR: [{ orgId: null, userId }, { org: { deletedAt: null, members: { some: { userId, status: "ACTIVE" } } } }] },
      ],
    },
    select: { id: true, name: true, kind: true, source: true, esId: true, processedKey: true, widthMm: true, heightMm: true, validTo: true, orgId: true },
    orderBy: { createdAt: "asc" },
  });
  return rows;
}

export type TUsableSeal = Awaited<ReturnType<typeof listUsableSeals>>[number];
