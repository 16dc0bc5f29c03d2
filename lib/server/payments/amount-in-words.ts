// 人民币大写金额 as printed on a fapiao: 30000 fen → 叁佰元整, 12345 fen → 壹佰贰拾叁元肆角伍分.
const DIGITS = "零壹贰叁肆伍陆柒捌玖";
const UNITS = ["", "拾", "佰", "仟"];
const SECTIONS = ["", "万", "亿", "万亿"];

function section(n: number): string {
  let out = "";
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      zero = out !== "";
    } else {
      out += (zero ? "零" : "") + DIGITS[d] + UNITS[i];
      zero = false;
    }
  }
  return out;
}

export function amountInWords(fen: number): string {
  if (!Number.isInteger(fen) || fen < 0) throw new Error("amount must be whole fen");
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cent = fen % 10;
  let words = "";
  if (yuan > 0) {
    const parts: number[] = [];
    let rest = yuan;
    while (rest > 0) {
      parts.unshift(rest % 10_000);
      rest = Math.floor(rest / 10_000);
    }
    parts.forEach((p, i) => {
      const idx = parts.length - 1 - i;
      if (p === 0) {
        if (!words.endsWith("零") && words) words += "零";
        return;
      }
      if (words && p < 1000 && !words.endsWith("零")) words += "零";
      words += section(p) + SECTIONS[idx];
    });
    words = words.replace(/零+$/, "") + "元";
  }
  if (jiao === 0 && cent === 0) return (words || "零元") + "整";
  if (jiao > 0) words += DIGITS[jiao] + "角";
  else if (yuan > 0) words += "零";
  if (cent > 0) words += DIGITS[cent] + "分";
  return words;
}

export function formatYuan(fen: number): string {
  return (fen / 100).toFixed(2);
}
