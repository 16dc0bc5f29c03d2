import * as pkijs from "pkijs";

/** Encoded times have whole seconds; builders truncate first so what they return is what is signed. */
export function truncateToSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050 on. */
export function toX509Time(date: Date): pkijs.Time {
  const value = truncateToSeconds(date);
  const type = value.getUTCFullYear() < 2050 ? pkijs.TimeType.UTCTime : pkijs.TimeType.GeneralizedTime;
  return new pkijs.Time({ type, value });
}
