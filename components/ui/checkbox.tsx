import { useId, type ComponentProps, type ReactNode } from "react";
import styles from "./checkbox.module.css";

type CheckboxProps = Omit<ComponentProps<"input">, "type"> & {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
};

/** A checkbox with its label beside it (agreements, options); hint and error are tied to it with aria-describedby. */
export function Checkbox({ label, hint, error, id, className, ...props }: CheckboxProps) {
  const generated = useId();
  const inputId = id ?? `c${generated.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const hasError = error !== undefined && error !== null && error !== false && error !== "";
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = hasError ? `${inputId}-error` : undefined;
  const describedBy = [props["aria-describedby"], hintId, errorId].filter(Boolean).join(" ") || undefined;

  return (
    <div className={[styles.wrap, className].filter(Boolean).join(" ")}>
      <label className={styles.row} htmlFor={inputId}>
        <input
          {...props}
          id={inputId}
          type="checkbox"
          className={styles.box}
          aria-describedby={describedBy}
          aria-invalid={hasError ? true : props["aria-invalid"]}
        />
        <span className={styles.label}>{label}</span>
      </label>
      {hint && (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      )}
      {hasError && (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      )}
    </div>
  );
}
