import type { ReactNode } from "react";
import styles from "./alert.module.css";

export type AlertTone = "info" | "success" | "warning" | "error";

type AlertProps = {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /**
   * Live (default): role="status" + aria-live="polite", for form errors and results. Render it even
   * while empty so the region exists before the message arrives. Not role="alert": Next's route
   * announcer already owns that role. Set false for static notices on a page.
   */
  isLive?: boolean;
  id?: string;
  className?: string;
  "data-testid"?: string;
};

export function Alert({ tone = "info", title, children, isLive = true, id, className, ...rest }: AlertProps) {
  const isEmpty = !title && (children === undefined || children === null || children === false || children === "");
  const liveProps = isLive ? ({ role: "status", "aria-live": "polite", "aria-atomic": true } as const) : {};
  if (isEmpty) return <div {...liveProps} id={id} className={className} data-testid={rest["data-testid"]} />;

  return (
    <div
      {...liveProps}
      id={id}
      data-testid={rest["data-testid"]}
      className={[styles.alert, styles[tone], className].filter(Boolean).join(" ")}
    >
      <Icon tone={tone} />
      <div className={styles.content}>
        {title && <p className={styles.title}>{title}</p>}
        {children && <div className={styles.body}>{children}</div>}
      </div>
    </div>
  );
}

function Icon({ tone }: { tone: AlertTone }) {
  const path =
    tone === "success"
      ? "M5 10.5l3.2 3.2L15 7"
      : tone === "info"
        ? "M10 9v5M10 6.2v.1"
        : "M10 5.5v5.5M10 13.8v.1";
  return (
    <svg className={styles.icon} viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
      {tone === "warning" ? (
        <path d="M10 2.5l8 14.5H2z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
      ) : (
        <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" strokeWidth="1.6" />
      )}
      <path d={tone === "warning" ? "M10 8v4.5M10 14.8v.1" : path} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}
