"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { MaterialUploader } from "@/components/materials/material-uploader";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { sendAuthorizationLinkAction } from "@/lib/actions/orders/sign-actions";
import { useAuthorizationStatus } from "./use-authorization-status";
import { useStepAction } from "./use-step-action";
import styles from "./wizard.module.css";

export type AuthorizationState = { status: string; phone: string; signedAt: string | null } | null;

const TONE: Record<string, BadgeTone> = { SENT: "info", SIGNED: "success", DECLINED: "danger", EXPIRED: "warning", CANCELLED: "neutral" };

/**
 * The legal representative's authorization when the handler is someone else: upload the stamped
 * letter (template to download), or text the legal rep a signing link and watch its state live.
 */
export function AuthorizationPanel({ orderId, legalRepPhone, initial }: { orderId: string; legalRepPhone: string; initial: AuthorizationState }) {
  const t = useT();
  const [mode, setMode] = useState<"upload" | "sms">(initial ? "sms" : "upload");
  // Polled while a link is out: the legal rep signs on another device.
  const { state, set } = useAuthorizationStatus(orderId, initial);
  const { run, error, isBusy } = useStepAction();

  async function send() {
    const data = await run(() => sendAuthorizationLinkAction(orderId));
    if (data) set(data);
  }

  return (
    <div className={styles.form}>
      <p className={styles.hint}>{t("wizard.authorization.lead")}</p>
      <div className={styles.options} role="radiogroup" aria-label={t("wizard.authorization.title")}>
        {(["upload", "sms"] as const).map((m) => (
          <label key={m} className={styles.option}>
            <input type="radio" name="authorization-mode" checked={mode === m} onChange={() => setMode(m)} data-testid={`auth-mode-${m}`} />
            <span className={styles.optionTitle}>{t(m === "upload" ? "wizard.authorization.modeUpload" : "wizard.authorization.modeSms")}</span>
          </label>
        ))}
      </div>
      {mode === "upload" ? (
        <>
          <p className={styles.hint}>
            {t("wizard.authorization.uploadHint")}{" "}
            <a href={`/api/orders/${orderId}/authorization-letter`} download data-testid="letter-template">
              {t("wizard.authorization.downloadTemplate")}
            </a>
          </p>
          <MaterialUploader orderId={orderId} kind="AUTHORIZATION_LETTER" label={t("materials.kind.AUTHORIZATION_LETTER")} accept="image/jpeg,image/png,application/pdf" />
        </>
      ) : (
        <>
          <p className={styles.hint}>{t("wizard.authorization.smsHint", { phone: legalRepPhone })}</p>
          <Alert tone="error" data-testid="auth-error">{error}</Alert>
          <div aria-live="polite" data-testid="auth-status">
            {state && (
              <Badge tone={TONE[state.status] ?? "neutral"}>
                {t(`wizard.authorization.status.${state.status}` as MessageKey)}
              </Badge>
            )}
          </div>
          {state?.status !== "SIGNED" && (
            <div>
              <Button variant="secondary" onClick={send} isLoading={isBusy} data-testid="auth-send">
                {state ? t("wizard.authorization.resend") : t("wizard.authorization.send")}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
