import { randomInt } from "node:crypto";

/** CD + date (Beijing time) + 6 random digits: readable on the phone to support, not guessable. */
export function generateOrderNo(now = new Date()): string {
  const beijing = new Date(now.getTime() + 8 * 3600_000);
  const ymd = beijing.toISOString().slice(0, 10).replace(/-/g, "");
  return `CD${ymd}${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;
}
