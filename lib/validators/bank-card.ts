// Bank card numbers (UnionPay 62…, and the international schemes) carry a Luhn check digit.
// Chinese debit cards are 16–19 digits; spaces people type in groups of four are allowed.
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function normalizeBankCard(no: string): string {
  return no.replace(/\s+/g, "");
}

export function isValidBankCard(no: string): boolean {
  if (typeof no !== "string") return false;
  const digits = normalizeBankCard(no);
  return /^\d{16,19}$/.test(digits) && luhnValid(digits);
}
