import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { assertPermission } from "@/lib/server/auth/permissions";
import { db } from "@/lib/db/client";
import { ZConsoleCertificateFilterSchema } from "./console-certificate.types";

export const CONSOLE_CERTS_PAGE_SIZE = 20;
const DAY_MS = 86_400_000;

/**
 * 证书管理 (orders.viewAll): every certificate, searched by subject name, USCC / ID number (the order's
 * subject key), serial or holder phone; filtered by status and an expiry window (VALID certificates
 * whose notAfter falls within 30 or 90 days); with the counts of VALID certificates expiring in 30
 * and 90 days, and the number with a revocation waiting for confirmation. `now` is injectable for tests.
 */
export async function consoleListCertificates({ user, filter, now = new Date(), pageSize = CONSOLE_CERTS_PAGE_SIZE }: { user: { role: Role }; filter: unknown; now?: Date; pageSize?: number }) {
  assertPermission(user, "orders.viewAll");
  const f = ZConsoleCertificateFilterSchema.parse(filter ?? {});
  const and: Prisma.CertificateWhereInput[] = [];
  if (f.q) {
    const q = f.q;
    and.push({
      OR: [
        { subjectName: { contains: q, mode: "insensitive" } },
        { serialHex: { contains: q.toLowerCase() } },
        { serialHex: { contains: q.toUpperCase() } },
        { order: { subjectKey: { contains: q.toUpperCase() } } },
        { user: { phone: { contains: q } } },
      ],
    });
  }
  if (f.status !== "all") and.push({ status: f.status });
  if (f.pending === "revocation") and.push({ revocationRequests: { some: { status: "PENDING" } } });
  if (f.expires !== "any") and.push({ status: "VALID", notAfter: { gte: now, lte: new Date(now.getTime() + Number(f.expires) * DAY_MS) } });
  const where: Prisma.CertificateWhereInput = and.length ? { AND: and } : {};
  const expiring = (days: number) => db.certificate.count({ where: { status: "VALID", notAfter: { gte: now, lte: new Date(now.getTime() + days * DAY_MS) } } });
  const [rows, total, in30, in90, pendingRevocations] = await Promise.all([
    db.certificate.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (f.page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true, serialHex: true, usage: true, subjectType: true, subjectName: true, status: true, notBefore: true, notAfter: true, revokedAt: true,
        order: { select: { subjectKey: true, no: true } },
        org: { select: { name: true } },
      },
    }),
    db.certificate.count({ where }),
    expiring(30),
    expiring(90),
    db.certificate.count({ where: { revocationRequests: { some: { status: "PENDING" } } } }),
  ]);
  return {
    certificates: rows.map(({ order, org, ...c }) => ({ ...c, subjectKey: order?.subjectKey ?? null, orderNo: order?.no ?? null, orgName: org?.name ?? null })),
    total,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    expiring: { in30, in90 },
    pendingRevocations,
    filter: f,
  };
}
