import type { ScanRequest } from "@/lib/generated/prisma/client";
import { WEBHOOK_SEQUENCE, type WebhookStatus } from "@/lib/platform/webhook-delivery";
import { platformScanView, type PlatformScanView } from "./platform-scan-view";

export type ScanStateEvent = { sequence: number; view: PlatformScanView };

/**
 * Every state the request has reached after `after` (a sequence, -1 for none), oldest first, each as
 * the platform saw it then: pending (0), scanned (1, only if it was scanned), then its final state (2).
 * A state the request passed through between two reads is still reported (as it was: no result yet),
 * so an event stream never skips one, and a client resuming with Last-Event-ID gets what it missed.
 */
export function scanViewsAfter(row: ScanRequest, after: number, now = new Date()): ScanStateEvent[] {
  const current = platformScanView(row, now);
  const sequence = WEBHOOK_SEQUENCE[current.status as WebhookStatus];
  const out: ScanStateEvent[] = [];
  const open = { ...current, completedAt: null, result: null, failReason: null };
  if (after < 0 && sequence > 0) out.push({ sequence: 0, view: { ...open, status: "pending", scannedAt: null } });
  if (after < 1 && sequence > 1 && row.scannedAt) out.push({ sequence: 1, view: { ...open, status: "scanned" } });
  if (sequence > after) out.push({ sequence, view: current });
  return out;
}
