import { assertPermission } from "@/lib/server/auth/permissions";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/db/client";

/** The CA hierarchy with each CA's newest CRL and its certificate counts by status. */
export async function listCertificateAuthorities({ user }: { user: Pick<SessionUser, "role"> }) {
  assertPermission(user, "ca.manage");
  const [cas, counts] = await Promise.all([
    db.certificateAuthority.findMany({
      orderBy: [{ kind: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        kind: true,
        name: true,
        subjectDn: true,
        serialHex: true,
        keyRef: true,
        parentId: true,
        notBefore: true,
        notAfter: true,
        crlNumber: true,
        active: true,
        crls: { orderBy: { number: "desc" }, take: 1, select: { number: true, thisUpdate: true, nextUpdate: true, createdAt: true } },
      },
    }),
    db.certificate.groupBy({ by: ["caId", "status"], _count: { _all: true } }),
  ]);
  const now = Date.now();
  return cas.map(({ crls, ...ca }) => {
    const crl = crls[0] ?? null;
    const count = (status: string) => counts.find((c) => c.caId === ca.id && c.status === status)?._count._all ?? 0;
    return {
      ...ca,
      crl,
      // A CRL past nextUpdate is stale: relying parties treat every certificate as unknown.
      isCrlStale: crl ? crl.nextUpdate.getTime() < now : null,
      issued: { valid: count("VALID"), revoked: count("REVOKED"), expired: count("EXPIRED") },
    };
  });
}
