import { db } from "@/lib/db/client";
import { getLookupGrant } from "./get-lookup-grant";

/**
 * What a lookup grant shows: the subject's certificates (the signing certificate of each order; the
 * encryption one is its pair) and its orders, in the grant's channel only.
 */
export async function getLookupResult({ token, now = new Date() }: { token: string | null | undefined; now?: Date }) {
  const grant = await getLookupGrant({ token, now });
  const inScope = { subjectType: grant.subjectType, subjectKey: grant.subjectKey, channelId: grant.channelId };
  const [certificates, orders] = await Promise.all([
    db.certificate.findMany({
      where: { usage: "SIGN", order: inScope },
      orderBy: { notBefore: "desc" },
      take: 100,
      select: { id: true, serialHex: true, subjectName: true, status: true, notBefore: true, notAfter: true, revokedAt: true },
    }),
    db.order.findMany({
      where: inScope,
      orderBy: { createdAt: "desc" },
      take: 100,
      select: { id: true, no: true, kind: true, status: true, subjectName: true, createdAt: true },
    }),
  ]);
  return {
    subjectType: grant.subjectType,
    subjectKey: grant.subjectKey,
    expiresAt: grant.expiresAt,
    certificates: certificates.map((c) => ({ ...c, isExpired: c.status === "VALID" && c.notAfter <= now })),
    orders,
  };
}
