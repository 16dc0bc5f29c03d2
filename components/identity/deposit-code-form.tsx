"use client";
import { useId, useState, type FormEvent } from "react";
import { useT } from "@/lib/i18n/client";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ClientCheckView } from "./use-identity-check";
import styles from "./identity-check-panel.module.css";

type ErrorBody = { error?: { message?: string; fields?: Record<string, string[]> } };

/** The 6-digit code from the micro-deposit memo. Wrong codes count down; the third ends the check. */
export function DepositCodeForm({ view, onChange }: { view: ClientCheckView; onChange: (v: ClientCheckView) => void }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hintId = useId();
  const isHydrated = useHydrated();

  // Uncontrolled input read on submit: digits typed before hydration (slow network) are kept.
  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get("code") ?? "").replace(/\D/g, "");
    if (!/^\d{6}$/.test(code)) return setError(t("identity.errors.codeFormat"));
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/identity-checks/${view.checkId}/code`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }) });
      const body = (await res.json()) as ClientCheckView & ErrorBody;
      if (res.ok) return onChange(body);
      setError(body.error?.fields?.code?.[0] ?? body.error?.message ?? res.statusText);
      // The check may have ended (third wrong code): show its final state.
      const fresh = await fetch(`/api/identity-checks/${view.checkId}`, { cache: "no-store" });
      if (fresh.ok) {
        const v = (await fresh.json()) as ClientCheckView;
        if (v.status !== "PENDING") onChange(v);
        else onChange({ ...view, attemptsLeft: v.attemptsLeft });
      }
    } catch {
      setError(t("errors.internal"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <div>
        <h3>{t("identity.deposit.title")}</h3>
        <p className={styles.lead}>{t("identity.deposit.lead")}</p>
      </div>
      <Field label={t("identity.deposit.codeLabel")} error={error ?? undefined} hint={t("identity.deposit.attemptsLeft", { left: view.attemptsLeft ?? 3 })} isRequired>
        <Input
          name="code"
          onInput={(e) => (e.currentTarget.value = e.currentTarget.value.replace(/\D/g, "").slice(0, 6))}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="\d{6}"
          maxLength={6}
          className={styles.codeInput}
          aria-describedby={hintId}
        />
      </Field>
      <Alert tone="error" id={hintId}>{error ?? undefined}</Alert>
      <div className={styles.inline}>
        <Button type="submit" isLoading={busy} disabled={!isHydrated}>
          {t("identity.deposit.submit")}
        </Button>
        {view.sandboxBankUrl && (
          <a href={view.sandboxBankUrl} target="_blank" rel="noopener" className={styles.small}>
            {t("identity.deposit.sandboxBank")}
          </a>
        )}
      </div>
    </form>
  );
}
