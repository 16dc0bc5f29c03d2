import { db } from "@/lib/db/client";
import { maskIdNumber } from "@/lib/validators/mask";
import type { TSubjectLibrary } from "./scan-request.types";

/**
 * 主体库 for sync_subject: what a bidding tool keeps about the certificate's subject. An enterprise
 * certificate gives the organization (name, USCC, legal representative, address), the trading
 * platforms the holder may use it on (every active one for the administrator, else their ACTIVE
 * authorizations) and the organization's active seals; a personal certificate gives its subject's
 * name and masked ID number. Seals carry an image URL only once seal images are served (issue 14).
 */
export async function subjectLibrary({ userId, orgId, orderId, subjectName }: { userId: string | null; orgId: string | null; orderId: string | null; subjectName: string }): Promise<TSubjectLibrary> {
  if (!orgId) {
    // The certificate's subject is the order's person (its ID number, masked); the account's own
    // verified data only when the order does not say.
    const order = orderId ? await db.order.findUnique({ where: { id: orderId }, select: { subjectType: true, subjectKey: true } }) : null;
    const user = userId ? await db.user.findUnique({ where: { id: userId }, select: { idNumberMasked: true } }) : null;
    const idNumber = order?.subjectType === "INDIVIDUAL" && order.subjectKey ? maskIdNumber(order.subjectKey) : (user?.idNumberMasked ?? null);
    return { kind: "person" as const, name: subjectName, idNumberMasked: idNumber };
  }
  const org = await db.organization.findUniqueOrThrow({
    where: { id: orgId },
    select: { name: true, uscc: true, legalRepName: true, address: true },
  });
  const membership = userId ? await db.membership.findFirst({ where: { orgId, userId, status: "ACTIVE" }, select: { id: true, role: true } }) : null;
  const platforms = !membership
    ? []
    : membership.role === "ADMIN"
      ? await db.tradingPlatform.findMany({ where: { active: true, isDesk: false }, select: { code: true, name: true }, orderBy: { code: "asc" } })
      : (
          await db.platformAuthorization.findMany({
            where: { membershipId: membership.id, status: "ACTIVE", platform: { active: true, isDesk: false } },
            select: { platform: { select: { code: true, name: true } } },
            orderBy: { grantedAt: "asc" },
          })
        ).map((a) => a.platform);
  const seals = await db.seal.findMany({ where: { orgId, status: "APPROVED" }, select: { id: true, name: true, kind: true }, orderBy: { createdAt: "asc" } });
  return {
    kind: "organization" as const,
    name: org.name,
    uscc: org.uscc,
    legalRepName: org.legalRepName,
    address: org.address,
    platforms,
    seals: seals.map((s) => ({ id: s.id, name: s.name, kind: s.kind.toLowerCase() as Lowercase<typeof s.kind> })),
  };
}
