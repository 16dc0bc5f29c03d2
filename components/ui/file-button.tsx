"use client";
import { useId, useState, type ChangeEvent, type InputHTMLAttributes, type ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import { buttonClassName } from "./button";
import styles from "./file-button.module.css";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "className"> & {
  /** The button's text; 选择文件 by default. */
  label?: string;
  /** What to choose (shown above the button, read as the input's description). */
  caption?: ReactNode;
  "data-testid"?: string;
};

/**
 * A file input as a button in the page's language with the chosen file's name beside it: the browser's own
 * input says "Choose File / No file chosen" on a Chinese page. The input keeps its name, accept and required.
 */
export function FileButton({ label, caption, onChange, ...input }: Props) {
  const captionId = useId();
  const t = useT();
  const [fileName, setFileName] = useState<string | null>(null);
  function onPick(e: ChangeEvent<HTMLInputElement>) {
    setFileName(e.target.files?.[0]?.name ?? null);
    onChange?.(e);
  }
  const button = (
    <span className={styles.wrap}>
      <label className={buttonClassName({ variant: "outline" }, styles.pick)}>
        {label ?? t("common.chooseFile")}
        <input {...input} type="file" className={styles.input} onChange={onPick} aria-describedby={caption ? captionId : undefined} />
      </label>
      <span className={styles.name} aria-live="polite" data-testid={input["data-testid"] ? `${input["data-testid"]}-name` : undefined}>
        {fileName ?? t("common.noFileChosen")}
      </span>
    </span>
  );
  if (!caption) return button;
  return (
    <span className={styles.field}>
      <span id={captionId}>{caption}</span>
      {button}
    </span>
  );
}
