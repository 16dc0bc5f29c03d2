import { db } from "@/lib/db/client";
import { toUsageRecords } from "./to-usage-records";

/**
 * 使用记录: every scan operation a user took part in, from the ScanRequest rows themselves (type,
 * platform, certificate serial, time, outcome). A request that expired while scanned counts as
 * expired, matching what the platform saw.
 */
export async function listUsageRecords({ userId, take = 200 }: { userId: string; take?: number }) {
  const rows = await db.scanRequest.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take,
    include: { platform: { select: { name: true, nameEn: true } } },
  });
  return toUsageRecords(rows);
}

export type TUsageRecord = Awaited<ReturnType<typeof listUsageRecords>>[number] & { memberName?: string };
