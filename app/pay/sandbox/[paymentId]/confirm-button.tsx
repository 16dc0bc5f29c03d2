"use client";
import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert } from "@/components/ui/alert";
import { confirmSandboxPaymentAction } from "@/lib/actions/payments/sandbox-payment-actions";
import styles from "./pay.module.css";

/** The payer's confirm button. Pressing it twice pays once (the server locks the payment row). */
export function ConfirmButton({ paymentId, initiallyPaid }: { paymentId: string; initiallyPaid: boolean }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [paid, setPaid] = useState(initiallyPaid);
  const [error, setError] = useState<string | null>(null);
  const isHydrated = useHydrated();

  async function onPay() {
    setBusy(true);
    setError(null);
    const res = await confirmSandboxPaymentAction(paymentId);
    setBusy(false);
    if (res.ok && res.data.status === "SUCCEEDED") setPaid(true);
    else setError(res.ok ? t("payments.sandboxPay.notPayable") : res.error.message);
  }

  if (paid) {
    return (
      <div className={styles.done} data-testid="sandbox-paid">
        <svg width="64" height="64" viewBox="0 0 64 64" aria-hidden="true">
          <circle cx="32" cy="32" r="30" fill="currentColor" opacity="0.12" />
          <path d="M19 33l9 9 17-19" stroke="currentColor" strokeWidth="5" fill="none" strokeLinecap="round" />
        </svg>
        <h2>{t("payments.sandboxPay.paidTitle")}</h2>
        <p>{t("payments.sandboxPay.paidBody")}</p>
      </div>
    );
  }
  return (
    <>
      <button type="button" className={styles.confirm} onClick={onPay} disabled={busy || !isHydrated} aria-busy={busy || undefined}>
        {busy ? t("payments.sandboxPay.paying") : t("payments.sandboxPay.confirm")}
      </button>
      <Alert tone="error">{error ?? undefined}</Alert>
    </>
  );
}
