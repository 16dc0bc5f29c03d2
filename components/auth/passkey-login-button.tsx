"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { parseAuthError, type ApiError } from "@/components/forms/api-error";
import { useT } from "@/lib/i18n/client";
import { getAssertion, toApiError } from "./passkey-client";
import styles from "./auth-form.module.css";

/** Usernameless login: the browser offers the passkeys it holds for this site. */
export function PasskeyLoginButton({ next, onError }: { next: string; onError: (e: ApiError | null) => void }) {
  const t = useT();
  const [isBusy, setBusy] = useState(false);

  async function onClick() {
    onError(null);
    setBusy(true);
    try {
      const response = await getAssertion("login");
      const res = await signIn("passkey", { response: JSON.stringify(response), redirect: false });
      if (!res || res.error) {
        onError(parseAuthError(res?.error ?? "internal"));
        return;
      }
      window.location.assign(next);
    } catch (err) {
      onError(toApiError(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.fields}>
      <p className={styles.small}>{t("passkeys.login.or")}</p>
      <Button variant="outline" block size="lg" onClick={onClick} isLoading={isBusy} data-testid="passkey-login">
        {t("passkeys.login.button")}
      </Button>
      <p className={styles.small}>{t("passkeys.login.hint")}</p>
    </div>
  );
}
