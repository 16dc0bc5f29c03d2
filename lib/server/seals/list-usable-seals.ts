import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { SEAL_USER_ROLES } from "./grant-seal-use";

/**
 * 授权用章 as the holder sees it: an enterprise seal APPROVED and within its validity whose use the seal
 * administrator granted to `certificateId` (an ACTIVE grant), while `userId` is an ACTIVE member of the
 * (not deleted) enterprise in a role that may use seals. The scan's picker (below) and 我的印章's list of
 * granted seals (listMySeals) read this one rule, so what the phone lists is what it offers.
 */
export function grantedSealWhere({ userId, certificateId, now }: { userId: string; certificateId: string; now: Date }) {
  return {
    status: "APPROVED",
    AND: [{ OR: [{ validTo: null }, { validTo: { gt: now } }] }],
    grants: { some: { certificateId, status: "ACTIVE" } },
    org: { deletedAt: null, members: { some: { userId, status: "ACTIVE", role: { in: SEAL_USER_ROLES } } } },
  } satisfies Prisma.SealWhereInput;
}

/**
 * The seals `userId` may stamp with `certificateId`: APPROVED, within its validity, and either bound to that
 * certificate (the caller's own seal, or their enterprise's while they are an ACTIVE member of it) or granted
 * to it (grantedSealWhere). The scan's picker, the check at completion and GET /api/v1/seals?serial= (with the
 * certificate's holder as `userId`) read this one rule, so a platform is never handed a seal the holder could
 * not stamp with (a removed member's enterprise seals among them).
 */
export function usableSealWhere({ userId, certificateId, now }: { userId: string; certificateId: string; now: Date }) {
  const member = { deletedAt: null, members: { some: { userId, status: "ACTIVE" as const } } };
  return {
    status: "APPROVED",
    AND: [
      { OR: [{ validTo: null }, { validTo: { gt: now } }] },
      { OR: [{ certificateId, orgId: null, userId }, { certificateId, org: member }, grantedSealWhere({ userId, certificateId, now })] },
    ],
  } satisfies Prisma.SealWhereInput;
}

/**
 * The seals `userId` may stamp with `certificateId` (the phone's seal picker on a SIGN confirm, the check at
 * completion): the certificate VALID, unexpired and the caller's, then usableSealWhere. Empty when none.
 */
export async function listUsableSeals({ userId, certificateId }: { userId: string; certificateId: string }) {
  const now = new Date();
  const certificate = await db.certificate.findFirst({ where: { id: certificateId, userId, status: "VALID", notAfter: { gt: now } }, select: { id: true } });
  if (!certificate) return [];
  const rows = await db.seal.findMany({
    where: usableSealWhere({ userId, certificateId, now }),
    select: { id: true, name: true, kind: true, source: true, esId: true, processedKey: true, widthMm: true, heightMm: true, validTo: true, orgId: true, certificateId: true, org: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows;
}

export type TUsableSeal = Awaited<ReturnType<typeof listUsableSeals>>[number];
