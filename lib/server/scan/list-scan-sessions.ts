import { db } from "@/lib/db/client";

/** The holder's signing sessions, newest first; open ones are those neither ended nor expired. */
export async function listScanSessions({ userId, take = 20 }: { userId: string; take?: number }) {
  const now = new Date();
  const rows = await db.scanSession.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take,
    include: { platform: { select: { name: true, nameEn: true } }, _count: { select: { requests: true } } },
  });
  const certs = await db.certificate.findMany({ where: { id: { in: rows.map((r) => r.certificateId) } }, select: { id: true, serialHex: true, subjectName: true } });
  return rows.map((r) => ({
    id: r.id,
    platform: r.platform,
    certificate: certs.find((c) => c.id === r.certificateId) ?? null,
    autoConfirm: r.autoConfirm,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    endedAt: r.endedAt?.toISOString() ?? null,
    isOpen: !r.endedAt && r.expiresAt > now,
    signed: r._count.requests,
  }));
}
