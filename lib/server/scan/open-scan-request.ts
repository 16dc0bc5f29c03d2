import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { wakeWorker } from "@/lib/server/jobs/start-worker";
import { queueScanWebhook } from "./queue-scan-webhook";
import { scanTokenHash } from "./scan-token";
import { SCAN_TYPE_FROM_DB } from "./scan.types";

/**
 * The phone scanned a QR: binds the request to this user (nobody else can complete it after
 * that) and returns what the confirmation screen shows. Used once; an expired QR is GONE.
 */
export async function openScanRequest({ userId, token }: { userId: string; token: string }) {
  const row = await db.scanRequest.findUnique({ where: { tokenHash: scanTokenHash(token) }, include: { platform: true } });
  if (!row) throw new AppError("not_found", { userMessage: "scan.errors.notFound" });
  if (row.expiresAt <= new Date()) throw new AppError("gone", { userMessage: "scan.errors.expired" });
  // The first scan binds the request and tells the platform (webhook, same transaction); the same
  // user opening it again changes nothing.
  const claimed = await db.$transaction(async (tx) => {
    const first = await tx.scanRequest.updateMany({ where: { id: row.id, status: "PENDING" }, data: { status: "SCANNED", userId, scannedAt: new Date() } });
    if (first.count === 1) {
      await queueScanWebhook(tx, { scanRequestId: row.id });
      return true;
    }
    return (await tx.scanRequest.count({ where: { id: row.id, status: "SCANNED", userId } })) === 1;
  });
  if (!claimed) throw new AppError("conflict", { userMessage: "scan.errors.used" });
  wakeWorker();
  const usage = row.type === "DECRYPT" ? "ENCRYPT" : "SIGN";
  const certificates = await db.certificate.findMany({
    where: { userId, usage, status: "VALID", notAfter: { gt: new Date() } },
    select: { id: true, serialHex: true, subjectName: true, subjectType: true, notAfter: true },
    orderBy: { createdAt: "desc" },
  });
  return {
    id: row.id,
    type: SCAN_TYPE_FROM_DB[row.type],
    platform: { name: row.platform.name, nameEn: row.platform.nameEn },
    payload: row.payload as Record<string, unknown>,
    expiresAt: row.expiresAt.toISOString(),
    certificates,
  };
}
