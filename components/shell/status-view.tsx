import type { ReactNode } from "react";
import styles from "./status-view.module.css";

/** The body of the 404 / 403 / error pages: a code, a title, an explanation and ways out. */
export function StatusView({
  code,
  title,
  body,
  actions,
  footnote,
}: {
  /** "404", "403", or an icon. */
  code: ReactNode;
  title: string;
  body: string;
  actions: ReactNode;
  footnote?: ReactNode;
}) {
  return (
    <div className={`container ${styles.wrap}`}>
      <div className={styles.card}>
        <div className={styles.code} aria-hidden="true">
          {code}
        </div>
        <h1 className={styles.title}>{title}</h1>
        <p className={styles.body}>{body}</p>
        <div className={styles.actions}>{actions}</div>
        {footnote && <p className={styles.footnote}>{footnote}</p>}
      </div>
    </div>
  );
}
