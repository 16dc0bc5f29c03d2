// Masked forms shown to reviewers and stored as evidence: enough to match against a document,
// not enough to reuse. Formats follow what Chinese banks and 12306 print.

/** 11010519491231002X → 110105********002X (region kept for the reviewer, birth date hidden). */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length < 8) return "*".repeat(s.length);
  return `${s.slice(0, 6)}${"*".repeat(s.length - 10)}${s.slice(-4)}`;
}

/** 6222020200112233445 → 6222 **** **** 3445 (bank BIN prefix and last four). */
export function maskBankCard(no: string): string {
  const s = no.replace(/\s+/g, "");
  if (s.length < 8) return "*".repeat(s.length);
  return `${s.slice(0, 4)} **** **** ${s.slice(-4)}`;
}

/** 张三 → 张*, 欧阳娜娜 → 欧***, John Smith → J*** S****: the family name stays. */
export function maskName(name: string): string {
  const s = name.trim();
  if (!s) return s;
  if (/^[\x20-\x7e]+$/.test(s)) return s.split(/\s+/).map((w) => w[0] + "*".repeat(Math.max(0, w.length - 1))).join(" ");
  const chars = Array.from(s);
  return chars[0] + "*".repeat(Math.max(1, chars.length - 1));
}

/** Corporate account numbers: last four only. */
export function maskAccount(no: string): string {
  const s = no.replace(/\s+/g, "");
  return s.length <= 4 ? "*".repeat(s.length) : `****${s.slice(-4)}`;
}
