"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { callJson, toApiError } from "./passkey-client";
import { TotpSetup } from "./totp-setup";
import styles from "./auth-form.module.css";

/** Account page: TOTP on or off (staff). */
export function TotpCard({ isEnabled }: { isEnabled: boolean }) {
  const t = useT();
  const router = useRouter();
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  return (
    <div className={styles.fields} data-testid="totp-section">
      <Alert tone={result?.tone ?? "info"} data-testid="totp-result">{result?.text}</Alert>
      <p>{isEnabled ? t("passkeys.account.totpOn") : t("passkeys.account.totpOff")}</p>
      <TotpSetup
        onDone={() => {
          setResult({ tone: "success", text: t("passkeys.totp.enabled") });
          router.refresh();
        }}
      />
      {isEnabled && (
        <div>
          <Button
            variant="danger"
            data-testid="totp-disable"
            onClick={async () => {
              if (!window.confirm(t("passkeys.account.totpConfirmDisable"))) return;
              try {
                await callJson("DELETE", "/api/auth/second-factor/totp");
                setResult({ tone: "success", text: t("passkeys.account.totpDisabled") });
                router.refresh();
              } catch (err) {
                setResult({ tone: "error", text: toApiError(err, t).message });
              }
            }}
          >
            {t("passkeys.account.totpDisable")}
          </Button>
        </div>
      )}
    </div>
  );
}
