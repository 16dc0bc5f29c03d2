import type { ComponentProps } from "react";
import { Input } from "@/components/ui/input";
import styles from "./phone.module.css";

/** A 6-digit PIN field: numeric keypad on phones, masked, never autofilled by the browser. */
export function PinInput(props: ComponentProps<"input">) {
  return <Input {...props} type="password" inputMode="numeric" pattern="[0-9]*" maxLength={6} autoComplete="off" className={styles.pin} />;
}
