// Dates in the console are shown in China time whatever the server's zone: reviewers compare them
// with documents and phone calls.
export function formatDateTime(d: Date | null | undefined, locale: string): string {
  if (!d) return "—";
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }).format(d);
}

export function formatDate(d: Date | null | undefined, locale: string): string {
  if (!d) return "—";
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(d);
}

/** How long since `from`, in the largest whole unit (days, hours, minutes). */
export function ageParts(from: Date | null | undefined, now = Date.now()): { unit: "days" | "hours" | "minutes"; n: number } | null {
  if (!from) return null;
  const minutes = Math.max(0, Math.floor((now - from.getTime()) / 60_000));
  if (minutes >= 1440) return { unit: "days", n: Math.floor(minutes / 1440) };
  if (minutes >= 60) return { unit: "hours", n: Math.floor(minutes / 60) };
  return { unit: "minutes", n: minutes };
}
