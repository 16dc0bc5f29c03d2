import { AppError } from "@/lib/errors";

// The PINs a thief holding the phone tries first: runs, repeats, well-known ones, and the holder's
// own numbers (birth date from the ID number, pieces of the ID and phone numbers, which a stolen
// phone or its SIM gives away). Checked whenever a PIN is chosen.
const WELL_KNOWN = new Set(["123456", "654321", "012345", "123123", "112233", "121212", "520520", "520131", "147258", "258369", "159357", "111222", "000111"]);

function isRunOrRepeat(pin: string): boolean {
  const d = [...pin].map(Number);
  const steps = d.slice(1).map((x, i) => (x - d[i]! + 10) % 10);
  if (steps.every((s) => s === steps[0]) && (steps[0] === 0 || steps[0] === 1 || steps[0] === 9)) return true; // 111111, 234567, 876543, 890123
  if (pin.slice(0, 3) === pin.slice(3)) return true; // 147147
  if (pin.slice(0, 2) === pin.slice(2, 4) && pin.slice(2, 4) === pin.slice(4)) return true; // 131313
  return new Set(d).size <= 2; // 112211, 300003
}

/** The holder's birth date (YYYYMMDD) from an 18-digit ID number, in the six-digit forms people use. */
function birthDateForms(idNumber: string): string[] {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})[\dX]{3}[\dX]$/.exec(idNumber);
  if (!m) return [];
  const [, yyyy, mm, dd] = m as unknown as [string, string, string, string];
  const yy = yyyy.slice(2);
  return [yy + mm + dd, mm + dd + yy, dd + mm + yy, yyyy + mm, mm + yyyy];
}

function sixDigitWindows(value: string): string[] {
  const digits = value.replace(/\D/g, "");
  const out: string[] = [];
  for (let i = 0; i + 6 <= digits.length; i++) out.push(digits.slice(i, i + 6));
  return out;
}

export function isGuessablePin(pin: string, holder: { phone?: string | null; idNumber?: string | null } = {}): boolean {
  if (WELL_KNOWN.has(pin) || isRunOrRepeat(pin)) return true;
  const own = [...sixDigitWindows(holder.phone ?? ""), ...sixDigitWindows(holder.idNumber ?? ""), ...birthDateForms((holder.idNumber ?? "").toUpperCase())];
  return own.includes(pin);
}

/** Throws a field error on `field` when the chosen PIN is one a thief would try first. */
export function assertPinAllowed(pin: string, holder: { phone?: string | null; idNumber?: string | null }, field = "pin"): void {
  if (isGuessablePin(pin, holder)) throw new AppError("validation_failed", { fields: { [field]: ["phone.errors.pinGuessable"] } });
}
