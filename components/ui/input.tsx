import type { ComponentProps } from "react";
import styles from "./control.module.css";

/** A text input; put it inside a Field for label and error wiring. Invalid styling follows aria-invalid. */
export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input {...props} className={[styles.control, className].filter(Boolean).join(" ")} />;
}
