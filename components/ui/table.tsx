import type { ReactNode } from "react";
import styles from "./table.module.css";

export type Column<Row> = {
  key: string;
  /** Column title; also the label shown before each value when rows stack on phones. */
  header: string;
  cell: (row: Row) => ReactNode;
  align?: "start" | "end" | "center";
  /** A CSS width for the column on wide screens ("30%", "8rem"). */
  width?: string;
  /** Hide the label on phones (e.g. an actions column). */
  isLabelHiddenOnPhone?: boolean;
};

type TableProps<Row> = {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Visible caption or, with isCaptionHidden, a name for screen readers. */
  caption?: ReactNode;
  isCaptionHidden?: boolean;
  /** Shown in place of the body when there are no rows (an EmptyState fits). */
  empty?: ReactNode;
  className?: string;
};

/** A data table; under 768 px each row becomes a card of "label: value" lines. */
export function Table<Row>({ columns, rows, rowKey, caption, isCaptionHidden, empty, className }: TableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <div className={[styles.wrap, className].filter(Boolean).join(" ")}>
      <table className={styles.table}>
        {caption !== undefined && (
          <caption className={isCaptionHidden ? "visually-hidden" : styles.caption}>{caption}</caption>
        )}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={styles[c.align ?? "start"]} style={c.width ? { width: c.width } : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td
                  key={c.key}
                  data-label={c.isLabelHiddenOnPhone ? undefined : c.header}
                  className={styles[c.align ?? "start"]}
                >
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
