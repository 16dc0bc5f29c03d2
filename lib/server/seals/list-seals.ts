import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { requireMember } from "@/lib/server/org/require-member";
import { hasOrgPermission } from "@/lib/server/org/org-permissions";
import { SEAL_USER_ROLES } from "./grant-seal-use";
import { grantedSealWhere } from "./list-usable-seals";

const SELECT = {
  id: true,
  name: true,
  kind: true,
  source: true,
  status: true,
  orgId: true,
  orderId: true,
  esId: true,
  validTo: true,
  rejectReason: true,
  voidReason: true,
  needsReapply: true,
  replacesSealId: true,
  submittedAt: true,
  reviewedAt: true,
  createdAt: true,
  certificate: { select: { id: true, serialHex: true, subjectName: true, notAfter: true, status: true, userId: true, user: { select: { name: true, realName: true } } } },
  // 授权用章: the members' certificates that may use an enterprise seal besides the bound one.
  grants: {
    where: { status: "ACTIVE" },
    select: { certificateId: true, certificate: { select: { serialHex: true, subjectName: true, user: { select: { name: true, realName: true } } } } },
    orderBy: [{ grantedAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.SealSelect;

export type TSealRow = Prisma.SealGetPayload<{ select: typeof SELECT }>;

/** 企业印章: every seal of the enterprise but deleted ones (members read, seals.manage changes). */
export async function listOrgSeals({ userId, orgId }: { userId: string; orgId: string }) {
  const membership = await requireMember({ userId, orgId, permission: "org.view" });
  const seals = await db.seal.findMany({ where: { orgId, status: { not: "DELETED" } }, select: SELECT, orderBy: { createdAt: "desc" } });
  // The new-seal form's choices, the manager's own certificates first (its default is the first: binding the
  // seal to a member's certificate by default surprised the administrator).
  const certificates = hasOrgPermission(membership.role, "seals.manage")
    ? (
        await db.certificate.findMany({
          where: { orgId, usage: "SIGN", status: "VALID", notAfter: { gt: new Date() } },
          select: { id: true, userId: true, serialHex: true, subjectName: true, notAfter: true, user: { select: { name: true, realName: true } } },
          orderBy: { notBefore: "desc" },
        })
      ).sort((a, b) => Number(b.userId === userId) - Number(a.userId === userId))
    : [];
  // What 授权使用 offers: the VALID enterprise signing certificates of ACTIVE members who may use seals.
  const grantable = hasOrgPermission(membership.role, "seals.manage")
    ? await db.certificate.findMany({
        where: { orgId, usage: "SIGN", status: "VALID", notAfter: { gt: new Date() }, user: { memberships: { some: { orgId, status: "ACTIVE", role: { in: SEAL_USER_ROLES } } } } },
        select: { id: true, serialHex: true, subjectName: true, user: { select: { name: true, realName: true } } },
        orderBy: { notBefore: "desc" },
      })
    : [];
  const org = await db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { name: true } });
  return { orgName: org.name, seals, canManage: hasOrgPermission(membership.role, "seals.manage"), certificates, grantable };
}

/**
 * 我的印章: the caller's personal seals, the enterprise seals bound to their own certificates, their signing
 * certificates, and `granted` — per certificate, the enterprise seals its seal administrator granted that
 * certificate (授权用章; read-only for the holder): the enterprise's name and the grant's validity, from the
 * grant to the earlier of the seal's end and the certificate's. The rule is the scan picker's (grantedSealWhere),
 * so a withdrawn grant, a revoked certificate or a seal no longer approved leaves both at once.
 */
export async function listMySeals({ userId }: { userId: string }) {
  const now = new Date();
  const [personal, bound, certificates] = await Promise.all([
    db.seal.findMany({ where: { userId, orgId: null, status: { not: "DELETED" } }, select: SELECT, orderBy: { createdAt: "desc" } }),
    db.seal.findMany({
      where: { orgId: { not: null }, certificate: { userId }, status: { in: ["APPROVED", "PENDING_REVIEW", "VOIDED"] }, org: { deletedAt: null, members: { some: { userId, status: "ACTIVE" } } } },
      select: SELECT,
      orderBy: { createdAt: "desc" },
    }),
    db.certificate.findMany({
      where: { userId, usage: "SIGN", status: "VALID", notAfter: { gt: now } },
      select: { id: true, serialHex: true, subjectName: true, notAfter: true, orgId: true },
      orderBy: { notBefore: "desc" },
    }),
  ]);
  const granted = (
    await Promise.all(
      certificates
        .filter((c) => c.orgId)
        .map(async (c) => {
          const seals = await db.seal.findMany({
            where: grantedSealWhere({ userId, certificateId: c.id, now }),
            select: { ...SELECT, org: { select: { name: true } }, grants: { where: { certificateId: c.id, status: "ACTIVE" }, select: { grantedAt: true } } },
            orderBy: { createdAt: "asc" },
          });
          return seals.map(({ org, grants, ...seal }) => ({
            seal: { ...seal, grants: [] },
            certificateId: c.id,
            certificateSerial: c.serialHex,
            orgName: org?.name ?? "",
            grantedAt: grants[0]!.grantedAt,
            validTo: seal.validTo && seal.validTo < c.notAfter ? seal.validTo : c.notAfter,
          }));
        }),
    )
  ).flat();
  return { personal, bound, certificates, granted };
}

export type TGrantedSeal = Awaited<ReturnType<typeof listMySeals>>["granted"][number];
