import type { ScanRequest } from "@/lib/generated/prisma/client";
import { WEBHOOK_SEQUENCE, type WebhookStatus } from "@/lib/platform/webhook-delivery";
import { platformScanView } from "./platform-scan-view";

/**
 * The state a request was in at `at`, as a webhook reports it: the platform's view, its delivery
 * sequence (the status's place in the request's life) and when the request reached it.
 */
export function scanWebhookEvent(row: ScanRequest, at = new Date()) {
  const view = platformScanView(row, at);
  const status = view.status as WebhookStatus;
  const reached =
    status === "pending" ? row.createdAt : status === "scanned" ? row.scannedAt : status === "expired" ? (row.completedAt ?? row.expiresAt) : row.completedAt;
  return { view, status, sequence: WEBHOOK_SEQUENCE[status], occurredAt: reached ?? at };
}
