import { db } from "@/lib/db/client";
import { SCAN_TYPE_FROM_DB } from "./scan.types";

/**
 * 使用记录: every scan operation a user took part in, from the ScanRequest rows themselves (type,
 * platform, certificate serial, time, outcome). A request that expired while scanned counts as
 * expired, matching what the platform saw.
 */
export async function listUsageRecords({ userId, take = 200 }: { userId: string; take?: number }) {
  const now = new Date();
  const rows = await db.scanRequest.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take,
    include: { platform: { select: { name: true, nameEn: true } } },
  });
  const certIds = [...new Set(rows.map((r) => r.certificateId).filter((c): c is string => Boolean(c)))];
  const certs = await db.certificate.findMany({ where: { id: { in: certIds } }, select: { id: true, serialHex: true } });
  return rows.map((r) => {
    const isOpen = r.status === "PENDING" || r.status === "SCANNED";
    const payload = r.payload as { title?: string };
    return {
      id: r.id,
      type: SCAN_TYPE_FROM_DB[r.type],
      platform: r.platform.name,
      platformEn: r.platform.nameEn ?? r.platform.name,
      title: payload.title ?? null,
      serialHex: certs.find((c) => c.id === r.certificateId)?.serialHex ?? null,
      at: (r.completedAt ?? r.scannedAt ?? r.createdAt).toISOString(),
      result: (isOpen && r.expiresAt <= now ? "EXPIRED" : r.status).toLowerCase() as "pending" | "scanned" | "completed" | "rejected" | "expired" | "failed",
      viaSession: Boolean(r.sessionId),
    };
  });
}

export type TUsageRecord = Awaited<ReturnType<typeof listUsageRecords>>[number];
