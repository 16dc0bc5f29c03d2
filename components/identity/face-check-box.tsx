"use client";
import QRCode from "qrcode";
import { useEffect, useState, type FormEvent } from "react";
import type { CheckRole } from "@/lib/generated/prisma/enums";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { useT } from "@/lib/i18n/client";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import styles from "./identity-check-panel.module.css";

/** "Scan this QR on site", or text the link to the legal representative; the status updates live. */
export function FaceCheckBox({ checkId, faceUrl, role }: { checkId: string; faceUrl: string; role: CheckRole }) {
  const t = useT();
  const [qr, setQr] = useState<string | null>(null);
  const isHydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void QRCode.toDataURL(faceUrl, { margin: 1, width: 400, errorCorrectionLevel: "M" }).then(setQr);
  }, [faceUrl]);

  async function onSend(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const phone = String(new FormData(e.currentTarget).get("phone") ?? "").trim();
    setBusy(true);
    setError(null);
    setSent(null);
    try {
      const res = await fetch(`/api/identity-checks/${checkId}/face-link`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ phone }) });
      const body = (await res.json()) as { sentTo?: string; error?: { message?: string; fields?: Record<string, string[]> } };
      if (res.ok) setSent(t("identity.face.sent", { phone: body.sentTo ?? phone }));
      else setError(body.error?.fields?.phone?.[0] ?? body.error?.message ?? res.statusText);
    } catch {
      setError(t("errors.internal"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.row}>
      <div className={styles.qrBox}>
        {qr ? <img src={qr} alt={t("identity.face.qrAlt")} className={styles.qr} data-testid="face-qr" data-url={faceUrl} /> : <div className={styles.qr} />}
        <a href={faceUrl} target="_blank" rel="noopener" className={styles.small}>
          {t("identity.face.openLink")}
        </a>
      </div>
      <div className={styles.side}>
        <h3>{t("identity.face.title")}</h3>
        <p className={styles.lead}>{t("identity.face.lead", { role: t(`identity.role.${role}` as MessageKey) })}</p>
        <div className={styles.waiting} role="status" aria-live="polite">
          <span className={styles.dot} aria-hidden="true" /> {t("identity.face.waiting")}
        </div>
        <form className={styles.form} onSubmit={onSend} noValidate>
          <p className={styles.small}>{t("identity.face.smsTitle")}</p>
          <Field label={t("identity.face.phoneLabel")} error={error ?? undefined}>
            <Input name="phone" type="tel" inputMode="numeric" autoComplete="tel" maxLength={11} />
          </Field>
          <div>
            <Button type="submit" variant="outline" isLoading={busy} disabled={!isHydrated}>
              {t("identity.face.sendSms")}
            </Button>
          </div>
          <Alert tone={error ? "error" : "success"}>{error ?? sent ?? undefined}</Alert>
        </form>
      </div>
    </div>
  );
}
