"use client";
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import { Button } from "./button";
import styles from "./dialog.module.css";

type DialogProps = {
  isOpen: boolean;
  onClose: () => void;
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  isWide?: boolean;
  "data-testid"?: string;
};

/**
 * A modal dialog on the browser's own <dialog> (showModal: focus moves in and is kept there, Esc closes,
 * the page behind is inert), titled for screen readers. A click on the backdrop closes it too. The element
 * marked data-autofocus gets the focus when it opens (the safe choice of a confirmation: 取消).
 */
export function Dialog({ isOpen, onClose, title, subtitle, children, footer, isWide = false, "data-testid": testId }: DialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const subtitleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    } else if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);
  return (
    <dialog
      ref={ref}
      className={isWide ? `${styles.dialog} ${styles.wide}` : styles.dialog}
      aria-labelledby={titleId}
      aria-describedby={subtitle ? subtitleId : undefined}
      onClose={onClose}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
      data-testid={testId}
    >
      {isOpen && (
        <div className={styles.inner}>
          <header className={styles.header}>
            <div>
              <h2 id={titleId} className={styles.title}>{title}</h2>
              {subtitle && <p id={subtitleId} className={styles.subtitle}>{subtitle}</p>}
            </div>
            <button type="button" className={styles.close} onClick={onClose} aria-label={t("common.close")} data-testid="dialog-close">
              ×
            </button>
          </header>
          {/* Focusable, so a long text scrolls from the keyboard too. */}
          <div className={styles.body} tabIndex={0}>
            {children}
          </div>
          {footer && <footer className={styles.footer}>{footer}</footer>}
        </div>
      )}
    </dialog>
  );
}

type ConfirmOptions = { title: string; body: ReactNode; confirmLabel: string; tone?: "primary" | "danger" };

/**
 * A confirmation in a Dialog instead of window.confirm (unstyled, untranslatable buttons, no way to show
 * what is confirmed): `if (await confirm({ … })) …`; render `dialog` once in the component.
 */
export function useConfirm() {
  const t = useT();
  const [pending, setPending] = useState<{ options: ConfirmOptions; resolve: (ok: boolean) => void } | null>(null);
  const confirm = useCallback((options: ConfirmOptions) => new Promise<boolean>((resolve) => setPending({ options, resolve })), []);
  const answer = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(null);
  };
  const dialog = (
    <Dialog
      isOpen={pending !== null}
      onClose={() => answer(false)}
      title={pending?.options.title}
      data-testid="confirm-dialog"
      footer={
        <>
          <Button variant="outline" onClick={() => answer(false)} data-autofocus data-testid="confirm-cancel">
            {t("common.cancel")}
          </Button>
          <Button variant={pending?.options.tone === "danger" ? "danger" : "primary"} onClick={() => answer(true)} data-testid="confirm-ok">
            {pending?.options.confirmLabel}
          </Button>
        </>
      }
    >
      {pending?.options.body}
    </Dialog>
  );
  return { confirm, dialog };
}
