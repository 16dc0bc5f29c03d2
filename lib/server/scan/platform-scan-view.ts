import type { ScanRequest } from "@/lib/generated/prisma/client";
import { SCAN_TYPE_FROM_DB } from "./scan.types";
import { openScanPlaintext } from "./scan-plaintext";
import { openScanQrContent } from "./scan-token";

/**
 * What a platform sees of its request: status, the QR to show while it waits for its scan (qrContent,
 * null from the scan on) and, once completed, the result.
 */
export function platformScanView(row: ScanRequest, now = new Date()) {
  const expired = row.status === "PENDING" || row.status === "SCANNED" ? row.expiresAt <= now : false;
  return {
    id: row.id,
    type: SCAN_TYPE_FROM_DB[row.type],
    status: (expired ? "EXPIRED" : row.status).toLowerCase(),
    clientRef: row.clientRef,
    expiresAt: row.expiresAt.toISOString(),
    scannedAt: row.scannedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    result: row.status !== "COMPLETED" || !row.result ? null : row.type === "DECRYPT" ? openScanPlaintext(row.id, row.result as Record<string, unknown>) : row.result,
    failReason: row.failReason,
    qrContent: !expired && row.status === "PENDING" ? openScanQrContent(row) : null,
  };
}

export type PlatformScanView = ReturnType<typeof platformScanView>;
