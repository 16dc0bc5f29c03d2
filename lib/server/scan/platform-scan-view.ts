import type { ScanRequest } from "@/lib/generated/prisma/client";
import { SCAN_TYPE_FROM_DB } from "./scan.types";
import { openScanPlaintext } from "./scan-plaintext";
import { openScanQrContent } from "./scan-token";
import type { TFailReason, TScanRequestView, TScanResult, TScanStatus } from "./scan-request.types";

/**
 * What a platform sees of its request (ScanRequest in the API document): status, the QR to show while
 * it waits for its scan (qrContent, null from the scan on) and, once completed, the result of its
 * type. The stored result is JSON the completion wrote from the typed results (verifyScanResult).
 */
export function platformScanView(row: ScanRequest, now = new Date()): TScanRequestView {
  const expired = row.status === "PENDING" || row.status === "SCANNED" ? row.expiresAt <= now : false;
  const result = row.status !== "COMPLETED" || !row.result ? null : row.type === "DECRYPT" ? openScanPlaintext(row.id, row.result as Record<string, unknown>) : row.result;
  return {
    id: row.id,
    type: SCAN_TYPE_FROM_DB[row.type],
    status: (expired ? "EXPIRED" : row.status).toLowerCase() as TScanStatus,
    clientRef: row.clientRef,
    expiresAt: row.expiresAt.toISOString(),
    scannedAt: row.scannedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    result: result as TScanResult | null,
    failReason: row.failReason as TFailReason | null,
    qrContent: !expired && row.status === "PENDING" ? openScanQrContent(row) : null,
  } as TScanRequestView;
}

export type PlatformScanView = TScanRequestView;
