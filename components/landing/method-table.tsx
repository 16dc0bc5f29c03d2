import { Table } from "@/components/ui/table";
import { splitLines } from "@/components/ui/split-lines";
import styles from "./method-table.module.css";

export type MethodRow = { key: string; method: string; materials: string; timing: string };

/** Identity verification methods of one certificate type with the materials each needs. */
export function MethodTable({
  caption,
  rows,
  headers,
}: {
  caption: string;
  rows: readonly MethodRow[];
  headers: { method: string; materials: string; timing: string };
}) {
  return (
    <Table
      caption={caption}
      isCaptionHidden
      rows={rows}
      rowKey={(r) => r.key}
      columns={[
        { key: "method", header: headers.method, width: "24%", cell: (r) => <strong className={styles.method}>{r.method}</strong> },
        {
          key: "materials",
          header: headers.materials,
          width: "46%",
          cell: (r) => (
            <ul className={styles.materials}>
              {splitLines(r.materials).map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ),
        },
        { key: "timing", header: headers.timing, cell: (r) => <span className={styles.timing}>{r.timing}</span> },
      ]}
    />
  );
}
