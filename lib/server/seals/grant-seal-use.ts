import { AppError } from "@/lib/errors";
import { db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { parseInput } from "@/lib/server/http/parse-input";
import { ORG_ROLE_PERMISSIONS } from "@/lib/server/org/org-permissions";
import type { OrgRole } from "@/lib/generated/prisma/enums";
import { requireMember } from "@/lib/server/org/require-member";
import { ZSealGrantSchema } from "./seals.types";
import { lockSeals, reissueSealStructure } from "./reissue-seal-structure";

/** The roles whose members may stamp with an enterprise seal granted to them (seals.use). */
export const SEAL_USER_ROLES = (Object.keys(ORG_ROLE_PERMISSIONS) as OrgRole[]).filter((r) => (ORG_ROLE_PERMISSIONS[r] as readonly string[]).includes("seals.use"));

/**
 * The seal administrator's access to one enterprise seal for a grant or a withdrawal, in `tx`: seals.manage
 * in the enterprise (NOT_FOUND to outsiders, FORBIDDEN to members without it), the seal that enterprise's
 * (NOT_FOUND otherwise), the certificate's row share-locked first and then the seal's row locked (the order
 * revocations take too: certificate, then seal), the seal still APPROVED.
 */
export async function lockSealForGrant(tx: Tx, { userId, orgId, sealId, certificateId }: { userId: string; orgId: string; sealId: string; certificateId: string }) {
  await requireMember({ userId, orgId, permission: "seals.manage" }, tx);
  const seal = await tx.seal.findFirst({ where: { id: sealId, orgId, status: { not: "DELETED" } }, select: { id: true, certificateId: true } });
  if (!seal) throw new AppError("not_found");
  await tx.$queryRaw`SELECT "id" FROM "Certificate" WHERE "id" = ${certificateId} FOR SHARE`;
  const [locked] = await lockSeals(tx, [sealId]);
  if (locked?.status !== "APPROVED") throw new AppError("conflict", { userMessage: "sealGrants.errors.notApproved" });
  return { ...seal, orgId };
}

/**
 * 授权用章 (seals.manage): grants a member's VALID enterprise signing certificate of the seal's enterprise the
 * use of an APPROVED enterprise seal. The certificate must belong to an ACTIVE member whose role may use
 * seals (not the seal's own bound certificate, which uses it already); anything else is NOT_FOUND. One
 * conditional write (a WITHDRAWN grant reactivated, else a row created unless one exists), under the seal's
 * row lock, so 20 parallel grants of one certificate make one grant and the others get CONFLICT. The SES_Seal
 * is re-issued in the same transaction with the certificate in its certList; audited seal.use_granted.
 */
export async function grantSealUse({ userId, input, ip }: { userId: string; input: unknown; ip?: string }) {
  const { orgId, sealId, certificateId } = parseInput(ZSealGrantSchema, input);
  return db.$transaction(
    async (tx) => {
      const seal = await lockSealForGrant(tx, { userId, orgId, sealId, certificateId });
      const certificate = await tx.certificate.findFirst({
        where: {
          id: certificateId,
          orgId: seal.orgId,
          usage: "SIGN",
          status: "VALID",
          notAfter: { gt: new Date() },
          user: { memberships: { some: { orgId: seal.orgId, status: "ACTIVE", role: { in: SEAL_USER_ROLES } } } },
        },
        select: { id: true, userId: true },
      });
      if (!certificate) throw new AppError("not_found", { userMessage: "sealGrants.errors.noCertificate" });
      if (certificate.id === seal.certificateId) throw new AppError("conflict", { userMessage: "sealGrants.errors.alreadyGranted" });
      const now = new Date();
      const data = { status: "ACTIVE" as const, grantedById: userId, grantedAt: now, withdrawnById: null, withdrawnAt: null, withdrawReason: null };
      const reactivated = await tx.sealGrant.updateMany({ where: { sealId, certificateId, status: "WITHDRAWN" }, data });
      const created = reactivated.count > 0 ? 0 : (await tx.sealGrant.createMany({ data: [{ sealId, certificateId, ...data }], skipDuplicates: true })).count;
      if (reactivated.count === 0 && created === 0) throw new AppError("conflict", { userMessage: "sealGrants.errors.alreadyGranted" });
      const reissued = (await reissueSealStructure(tx, { sealId, now }))!;
      await writeAudit(tx, { actorId: userId, ip, action: "seal.use_granted", targetType: "Seal", targetId: sealId, data: { certificateId, holderId: certificate.userId, esId: reissued.esId, certCount: reissued.certCount } });
      return { sealId, certificateId, status: "ACTIVE" as const, certCount: reissued.certCount };
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}
