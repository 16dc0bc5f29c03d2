import Link from "next/link";
import type { ReactNode } from "react";
import styles from "./stepper.module.css";

export type StepStatus = "done" | "current" | "todo";

export type Step = {
  key: string;
  label: ReactNode;
  description?: ReactNode;
  status: StepStatus;
  /** Steps the applicant may open (done ones, and the one to resume at); never the current one. */
  href?: string;
};

type StepperProps = {
  steps: readonly Step[];
  /** Accessible name of the list, e.g. "申请进度". */
  label: string;
  /** Screen-reader words for the statuses, from the catalogue. */
  statusLabels: Record<StepStatus, string>;
  className?: string;
};

/** Where the applicant is in a wizard. Numbers for todo/current, a check for done. */
export function Stepper({ steps, label, statusLabels, className }: StepperProps) {
  return (
    <nav aria-label={label} className={className}>
      <ol className={styles.list}>
        {steps.map((step, i) => {
          const inner = (
            <>
              <span className={styles.marker} aria-hidden="true">
                {step.status === "done" ? (
                  <svg viewBox="0 0 16 16" width="14" height="14">
                    <path d="M3 8.5l3.2 3L13 5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                  </svg>
                ) : (
                  i + 1
                )}
              </span>
              <span className={styles.text}>
                <span className={styles.label}>{step.label}</span>
                {step.description && <span className={styles.description}>{step.description}</span>}
                <span className="visually-hidden"> {statusLabels[step.status]}</span>
              </span>
            </>
          );
          return (
            <li
              key={step.key}
              className={`${styles.step} ${styles[step.status]}`}
              aria-current={step.status === "current" ? "step" : undefined}
            >
              {step.href && step.status !== "current" ? (
                <Link href={step.href} className={styles.inner}>
                  {inner}
                </Link>
              ) : (
                <div className={styles.inner}>{inner}</div>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
