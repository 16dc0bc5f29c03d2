import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from "react";
import styles from "./field.module.css";

/** What a Field hands to its control so that label, hint and error are announced with it. */
export type FieldControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
};

type FieldProps = {
  label: ReactNode;
  /** Id of the control; generated when omitted. */
  id?: string;
  hint?: ReactNode;
  /** Message shown under the control; its presence marks the control invalid. */
  error?: ReactNode;
  isRequired?: boolean;
  className?: string;
  /** One control element (it receives id and aria-*), or a render function for composite controls. */
  children: ReactElement<Record<string, unknown>> | ((control: FieldControlProps) => ReactNode);
};

export function Field({ label, id, hint, error, isRequired = false, className, children }: FieldProps) {
  const generated = useId();
  const controlId = id ?? `f${generated.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const hasError = error !== undefined && error !== null && error !== false && error !== "";
  const errorId = hasError ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;

  const control: FieldControlProps = {
    id: controlId,
    "aria-describedby": describedBy,
    "aria-invalid": hasError ? true : undefined,
    "aria-required": isRequired ? true : undefined,
  };

  let rendered: ReactNode;
  if (typeof children === "function") {
    rendered = children(control);
  } else if (isValidElement(children)) {
    const own = children.props["aria-describedby"];
    rendered = cloneElement(children, {
      ...control,
      "aria-describedby": [own, describedBy].filter(Boolean).join(" ") || undefined,
    });
  }

  return (
    <div className={[styles.field, className].filter(Boolean).join(" ")}>
      <label htmlFor={controlId} className={styles.label}>
        {label}
        {isRequired && (
          <span className={styles.required} aria-hidden="true">
            *
          </span>
        )}
      </label>
      {rendered}
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
