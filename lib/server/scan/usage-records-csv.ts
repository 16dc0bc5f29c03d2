import type { TUsageRecord } from "./list-usage-records";

const cell = (v: string) => (/[",\n\r]/.test(v) || /^[=+\-@]/.test(v) ? `"${(/^[=+\-@]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"` : v);

/**
 * The CSV export of 使用记录 (UTF-8 with a BOM so Excel opens Chinese correctly). Cells a
 * spreadsheet would run as a formula (=, +, -, @) are quoted and prefixed: titles come from platforms
 * and member names from users. With `withMember` (an organization's records) the member's name
 * follows the time.
 */
export function usageRecordsCsv({
  records,
  labels,
  withMember = false,
}: {
  records: TUsageRecord[];
  labels: { header: string[]; type: (t: string) => string; result: (r: string) => string };
  withMember?: boolean;
}) {
  const lines = [labels.header.map(cell).join(",")];
  for (const r of records) {
    const cells = [r.at, ...(withMember ? [r.memberName ?? ""] : []), labels.type(r.type), r.platform, r.title ?? "", r.serialHex ?? "", labels.result(r.result)];
    lines.push(cells.map(cell).join(","));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
