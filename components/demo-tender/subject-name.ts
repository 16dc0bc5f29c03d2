/**
 * A certificate subject as a person reads it: 「示范建设工程有限公司 · 张三」 from "C=CN, O=示范建设工程有限公司, CN=张三, …"
 * (the demo platform showed the raw DN). Falls back to the DN when it has neither CN nor O.
 */
export function subjectName(dn: string | undefined): string {
  if (!dn) return "";
  const parts = new Map(dn.split(/,\s*(?=[A-Za-z0-9.]+=)/).map((p) => [p.slice(0, p.indexOf("=")).trim(), p.slice(p.indexOf("=") + 1).trim()] as const));
  const cn = parts.get("CN");
  const o = parts.get("O");
  if (cn && o && o !== cn) return `${o} · ${cn}`;
  return cn ?? o ?? dn;
}
