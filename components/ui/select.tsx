import type { ComponentProps } from "react";
import styles from "./control.module.css";

type SelectProps = ComponentProps<"select"> & {
  options?: ReadonlyArray<{ value: string; label: string; disabled?: boolean }>;
  /** First, empty option ("请选择…"); selecting it leaves the value empty. */
  placeholder?: string;
};

export function Select({ className, options, placeholder, children, ...props }: SelectProps) {
  return (
    <select {...props} className={[styles.control, styles.select, className].filter(Boolean).join(" ")}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options?.map((o) => (
        <option key={o.value} value={o.value} disabled={o.disabled}>
          {o.label}
        </option>
      ))}
      {children}
    </select>
  );
}
