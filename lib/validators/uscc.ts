// GB 32100-2015 法人和其他组织统一社会信用代码: 18 characters from a 31-letter alphabet (no I O S V Z,
// which read like 1 0 5 U 2), positions 3–8 the registering authority's region code (digits), and a
// check character at position 18: C18 = 31 − (Σ Ci·Wi mod 31), Wi = 3^(i−1) mod 31, 31 ↦ 0.
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character the first 17 characters call for (undefined when one is outside the alphabet). */
export function usccCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i] ?? "");
    if (v < 0) return undefined;
    sum += v * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** Upper-case input only: a code printed on a licence is upper case, and silently fixing case would hide typos elsewhere. */
export function isValidUscc(code: string): boolean {
  if (typeof code !== "string" || !SHAPE.test(code)) return false;
  return usccCheckChar(code.slice(0, 17)) === code[17];
}
