import { randomBytes } from "node:crypto";
import { keyedHash } from "@/lib/db/keyed-hash";
import type { PendingRotation } from "@/lib/server/keys/pin-secret";

/**
 * A PIN reset (忘记PIN, a new PIN chosen) takes effect only this long after it was staged: until then
 * the old PIN keeps working and the new one is refused at confirm. The holder is told at once (SMS,
 * e-mail, inbox) with a link that cancels the pending reset without a login. An unlock that keeps the
 * PIN has no cooling-off. Deliberately not configurable: shortening it weakens the only defence left
 * against someone who got past the face check.
 */
export const PIN_RESET_COOLING_OFF_MS = 24 * 3600_000;

/** A staged reset's pending rotation carries when it may be confirmed and the cancel link's hash. */
export type PendingReset = PendingRotation & { notBefore?: string; cancelHash?: string };

/** The cancel link's token: the group's first key share id, a dash, 16 random bytes (hex). Only its keyed hash is stored. */
export function newCancelToken(groupId: string): string {
  return `${groupId}-${randomBytes(16).toString("hex")}`;
}

export function cancelTokenHash(token: string): string {
  return keyedHash("pin-reset-cancel", token);
}

/** The group id inside a cancel token, or null for anything that is not one. */
export function groupOfCancelToken(token: string): string | null {
  const m = /^([a-z0-9]{20,30})-([0-9a-f]{32})$/.exec(token);
  return m ? m[1]! : null;
}

/** "2026-12-02 19:40" in China time, for the notices and the refusal. */
export function formatResetTime(at: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? "";
  return `${p("year")}-${p("month")}-${p("day")} ${p("hour")}:${p("minute")}`;
}
