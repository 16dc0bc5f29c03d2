"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ApiError } from "@/components/forms/api-error";
import { useHydrated } from "@/components/forms/use-hydrated";
import { useT } from "@/lib/i18n/client";
import { callJson, getAssertion, registerPasskey, toApiError } from "./passkey-client";
import { TotpSetup } from "./totp-setup";
import styles from "./auth-form.module.css";

/**
 * The staff second factor after the SMS/password step: a passkey assertion or a TOTP code; staff
 * with neither enrol one here (a passkey, or TOTP with a QR), which also passes this session.
 */
export function SecondFactorPanel({ next, passkeyCount, hasTotp }: { next: string; passkeyCount: number; hasTotp: boolean }) {
  const t = useT();
  const hydrated = useHydrated();
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [code, setCode] = useState("");
  const [isTotpEnrol, setTotpEnrol] = useState(false);
  const done = () => window.location.assign(next);

  async function run(body: () => Promise<unknown>) {
    setError(null);
    setBusy(true);
    try {
      await body();
      done();
    } catch (err) {
      setError(toApiError(err, t));
    } finally {
      setBusy(false);
    }
  }

  const isEnrol = passkeyCount === 0 && !hasTotp;
  return (
    <div className={styles.form} data-hydrated={hydrated || undefined}>
      <Alert tone="error" data-testid="second-factor-error">{error?.message}</Alert>
      {isEnrol ? (
        <>
          <p>{t("passkeys.secondFactor.enrolLead")}</p>
          <Button block size="lg" isLoading={isBusy} data-testid="enrol-passkey" onClick={() => run(() => registerPasskey())}>
            {t("passkeys.secondFactor.enrolPasskey")}
          </Button>
          {isTotpEnrol ? (
            <TotpSetup onDone={done} />
          ) : (
            <Button variant="ghost" onClick={() => setTotpEnrol(true)} data-testid="enrol-totp">
              {t("passkeys.secondFactor.enrolTotp")}
            </Button>
          )}
        </>
      ) : (
        <>
          {passkeyCount > 0 && (
            <Button block size="lg" isLoading={isBusy} data-testid="second-factor-passkey" onClick={() => run(async () => callJson("POST", "/api/auth/passkeys/authentication/verify", { response: await getAssertion("second-factor") }))}>
              {t("passkeys.secondFactor.usePasskey")}
            </Button>
          )}
          {hasTotp && (
            <form
              className={styles.fields}
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void run(() => callJson("POST", "/api/auth/second-factor/totp/verify", { code: code.trim() }));
              }}
            >
              <Field label={t("passkeys.secondFactor.totpLabel")} isRequired>
                <Input value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder={t("passkeys.totp.codePlaceholder")} data-testid="totp-code" />
              </Field>
              <Button type="submit" variant={passkeyCount > 0 ? "secondary" : "primary"} block isLoading={isBusy} data-testid="totp-verify">
                {t("passkeys.secondFactor.useTotp")}
              </Button>
            </form>
          )}
        </>
      )}
    </div>
  );
}
