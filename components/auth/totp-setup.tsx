"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ApiError } from "@/components/forms/api-error";
import { useT } from "@/lib/i18n/client";
import { callJson } from "./passkey-client";
import styles from "./auth-form.module.css";

type Setup = { qrSvg: string; secret: string };

/** Set up TOTP: a QR for the authenticator app, then its first code turns it on. */
export function TotpSetup({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function run(body: () => Promise<void>) {
    setError(null);
    setBusy(true);
    try {
      await body();
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  if (!setup) {
    return (
      <div className={styles.fields}>
        <Alert tone="error" data-testid="totp-error">{error?.message}</Alert>
        <div>
          <Button variant="secondary" isLoading={isBusy} data-testid="totp-setup" onClick={() => run(async () => setSetup(await callJson<Setup>("POST", "/api/auth/second-factor/totp/setup")))}>
            {t("passkeys.totp.setup")}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <form
      className={styles.fields}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          await callJson("POST", "/api/auth/second-factor/totp/confirm", { code: code.trim() });
          onDone();
        });
      }}
    >
      <p>{t("passkeys.totp.scan")}</p>
      {/* SVG made on the server by the qrcode package from our own otpauth URI. */}
      <div style={{ width: 200 }} dangerouslySetInnerHTML={{ __html: setup.qrSvg }} />
      <p>
        {t("passkeys.totp.secret")}: <code data-testid="totp-secret">{setup.secret}</code>
      </p>
      <Alert tone="error" data-testid="totp-error">{error?.message}</Alert>
      <Field label={t("passkeys.totp.code")} isRequired>
        <Input value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder={t("passkeys.totp.codePlaceholder")} data-testid="totp-confirm-code" />
      </Field>
      <div>
        <Button type="submit" isLoading={isBusy} data-testid="totp-confirm">
          {t("passkeys.totp.confirm")}
        </Button>
      </div>
    </form>
  );
}
