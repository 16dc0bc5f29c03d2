import { envNow } from "@/lib/env";
import type { Window } from "@/lib/server/security/rate-limit";

export const CODE_TTL_SECONDS = 300;
export const CODE_MAX_ATTEMPTS = 5;
export const RESEND_AFTER_SECONDS = 60;

/**
 * Resending the same kind of code (same number, purpose and context): once a minute. A different
 * purpose is not a resend — logging in and then asking for a signing code to the same number in
 * the same minute is ordinary use — and the number's hourly and daily caps still count it.
 */
export function resendWindows(): Window[] {
  return [{ seconds: RESEND_AFTER_SECONDS, max: 1 }];
}

/** Per number, all purposes together: 5 an hour, 10 a day. */
export function phoneWindows(): Window[] {
  return [
    { seconds: 3600, max: envNow("SMS_PHONE_HOURLY_CAP") },
    { seconds: 86400, max: envNow("SMS_PHONE_DAILY_CAP") },
  ];
}

/** Per client address: stops one machine from spraying codes at many numbers. */
export function ipWindows(): Window[] {
  return [
    { seconds: 3600, max: envNow("SMS_IP_HOURLY_CAP") },
    { seconds: 86400, max: envNow("SMS_IP_DAILY_CAP") },
  ];
}
