import type { ScanRequest } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { SCAN_TYPE_FROM_DB } from "./scan.types";

export type TUsageResult = "pending" | "scanned" | "completed" | "rejected" | "expired" | "failed";

/**
 * ScanRequest rows as 使用记录 (type, platform, certificate serial, time, outcome). A request that
 * expired while scanned counts as expired, matching what the platform saw.
 */
export async function toUsageRecords(rows: Array<ScanRequest & { platform: { name: string; nameEn: string | null } }>, now = new Date()) {
  const certIds = [...new Set(rows.map((r) => r.certificateId).filter((c): c is string => Boolean(c)))];
  const certs = certIds.length ? await db.certificate.findMany({ where: { id: { in: certIds } }, select: { id: true, serialHex: true } }) : [];
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
      result: (isOpen && r.expiresAt <= now ? "EXPIRED" : r.status).toLowerCase() as TUsageResult,
      failReason: r.failReason,
      viaSession: Boolean(r.sessionId),
    };
  });
}
