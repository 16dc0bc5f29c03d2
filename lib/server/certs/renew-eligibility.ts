import { REMINDER_DAYS } from "./certificate-reminders";

const DAY_MS = 86_400_000;
/** Renewal opens this many days before notAfter (the first reminder). */
export const RENEW_WINDOW_DAYS = REMINDER_DAYS[0];

export type RenewBlock = "notYet" | "expired" | "revoked" | "renewed" | "inProgress";

/**
 * Whether a signing certificate can be renewed at `now`, or why not: only a VALID one within 90 days of
 * notAfter, not expired (重新申请 is the way back from 已失效), and only once (a renewal that is open or
 * finished blocks another; a cancelled or rejected one does not).
 */
export function renewBlock(
  cert: { status: string; notAfter: Date; renewals: Array<{ status: string }> },
  now: Date,
): RenewBlock | null {
  if (cert.status === "REVOKED") return "revoked";
  if (cert.status !== "VALID" || cert.notAfter.getTime() <= now.getTime()) return "expired";
  const live = cert.renewals.filter((r) => r.status !== "CANCELLED" && r.status !== "REJECTED");
  if (live.some((r) => r.status === "COMPLETED")) return "renewed";
  if (live.length > 0) return "inProgress";
  if (cert.notAfter.getTime() - now.getTime() > RENEW_WINDOW_DAYS * DAY_MS) return "notYet";
  return null;
}

/** The first day renewal is open for a certificate. */
export function renewOpensAt(notAfter: Date): Date {
  return new Date(notAfter.getTime() - RENEW_WINDOW_DAYS * DAY_MS);
}
