import type { Window } from "@/lib/server/security/rate-limit";

/** A passed lookup shows the subject's certificates and orders for ten minutes. */
export const LOOKUP_GRANT_SECONDS = 600;
export const LOOKUP_COOKIE = "certdesk-lookup";
export const CAPTCHA_SECONDS = 300;

/**
 * Like login: every attempt (asking for a code, a real-name check, entering a code) takes a hit per
 * subject and per client address before any work, whether or not the subject exists.
 */
export function lookupSubjectWindows(): Window[] {
  return [
    { seconds: 3600, max: 5 },
    { seconds: 86400, max: 10 },
  ];
}

export function lookupIpWindows(): Window[] {
  return [
    { seconds: 3600, max: 20 },
    { seconds: 86400, max: 50 },
  ];
}

/** Guesses of a code (each also costs one of the code's own five tries). */
export function lookupGuessWindows(): Window[] {
  return [{ seconds: 3600, max: 10 }];
}

/** The SMS code's context: a lookup code only opens the lookup of the subject it was sent for. */
export function lookupCodeContext(route: "handler" | "legal_rep", subjectKey: string) {
  return `lookup:${route}:${subjectKey}`;
}
