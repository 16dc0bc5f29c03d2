import type { TUsageRecord } from "./list-usage-records";

const cell = (v: string) => (/[",\n\r]/.test(v) || /^[=+\-@]/.test(v) ? `"${(/^[=+\-@]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"` : v);

/**
 * The CSV export of 使用记录 (UTF-8 with a BOM so Excel opens Chinese correctly). Cells a
 * spreadsheet would run as a formula (=, +, -, @) are quoted and prefixed: titles come from platforms.
 */
export function usageRecordsCsv({ records, labels }: { records: TUsageRecord[]; labels: { header: string[]; type: (t: string) => string; result: (r: string) => string } }) {
  const lines = [labels.header.map(cell).join(",")];
  for (const r of records) {
    lines.push([r.at, labels.type(r.type), r.platform, r.title ?? "", r.serialHex ?? "", labels.result(r.result)].map(cell).join(","));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
