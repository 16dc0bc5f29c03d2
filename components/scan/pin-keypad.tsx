"use client";
import { useT } from "@/lib/i18n/client";
import styles from "./scan.module.css";

const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", "del"];

/**
 * The 6-digit PIN pad of the confirmation screen: its own buttons rather than the system keyboard,
 * so the layout does not jump and the digits never reach an input a keyboard app could log.
 */
export function PinKeypad({ value, onChange, isDisabled = false }: { value: string; onChange: (pin: string) => void; isDisabled?: boolean }) {
  const t = useT();
  return (
    <div className={styles.pinPad}>
      <div className={styles.pinDots} role="img" aria-label={`${t("scanner.pin")} ${value.length}/6`} data-testid="pin-dots">
        {Array.from({ length: 6 }, (_, i) => (
          <span key={i} className={i < value.length ? styles.dotOn : styles.dotOff} />
        ))}
      </div>
      <div className={styles.keys} role="group" aria-label={t("scanner.keypad")}>
        {KEYS.map((k, i) =>
          k === "" ? (
            <span key={i} />
          ) : (
            <button
              key={i}
              type="button"
              className={styles.key}
              disabled={isDisabled}
              aria-label={k === "del" ? t("scanner.delete") : k}
              data-testid={`key-${k}`}
              onClick={() => onChange(k === "del" ? value.slice(0, -1) : (value + k).slice(0, 6))}
            >
              {k === "del" ? "⌫" : k}
            </button>
          ),
        )}
      </div>
    </div>
  );
}
