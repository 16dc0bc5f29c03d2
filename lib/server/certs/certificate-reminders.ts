/** 到期提醒: days before a certificate's notAfter at which its holder is told (SMS, e-mail, inbox). */
export const REMINDER_DAYS = [90, 30, 7] as const;

const DAY_MS = 86_400_000;

/**
 * The threshold a certificate with this notAfter is in at `now`: the nearest one it has passed
 * (60 days left → 90; 20 days left → 30), or null outside the 90-day window or after expiry. A
 * certificate that enters the window late gets only the nearest reminder, not every earlier one.
 */
export function dueReminderDays(notAfter: Date, now: Date): (typeof REMINDER_DAYS)[number] | null {
  const left = notAfter.getTime() - now.getTime();
  if (left <= 0) return null;
  const passed = REMINDER_DAYS.filter((d) => left <= d * DAY_MS);
  return passed.length ? passed[passed.length - 1]! : null;
}

/** Whole days left (rounded up), as the notices and the phone show them. */
export function daysLeft(notAfter: Date, now: Date): number {
  return Math.max(0, Math.ceil((notAfter.getTime() - now.getTime()) / DAY_MS));
}
