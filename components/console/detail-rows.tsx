import type { ReactNode } from "react";
import styles from "./console.module.css";

/** A console detail page's label/value list; an empty value shows as "—". */
export function DetailRows({ rows }: { rows: Array<[string, ReactNode]> }) {
  return (
    <dl className={styles.dl}>
      {rows.map(([k, v]) => (
        <div key={k} style={{ display: "contents" }}>
          <dt>{k}</dt>
          <dd>{v === null || v === undefined || v === "" ? "—" : v}</dd>
        </div>
      ))}
    </dl>
  );
}
