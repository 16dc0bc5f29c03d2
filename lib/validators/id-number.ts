// GB 11643-1999 公民身份号码: 6-digit address code, 8-digit birth date (YYYYMMDD), 3-digit sequence,
// and an ISO 7064 MOD 11-2 check character (0–9 or X): Σ ai·Wi mod 11, Wi = 2^(17−i) mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** A real calendar date, not in the future and not before 1800 (the standard's own example is born 1880). */
export function isPlausibleBirthDate(yyyymmdd: string, now = new Date()): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1800 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return date.getTime() <= now.getTime();
}

/** 18-character resident ID number. A lower-case x is accepted (people type it), the 15-digit pre-1999 form is not. */
export function isValidIdNumber(id: string): boolean {
  if (typeof id !== "string" || !/^\d{17}[\dXx]$/.test(id)) return false;
  if (id.startsWith("0")) return false; // no province code starts with 0
  if (!isPlausibleBirthDate(id.slice(6, 14))) return false;
  return idNumberCheckChar(id.slice(0, 17)) === id[17]!.toUpperCase();
}
