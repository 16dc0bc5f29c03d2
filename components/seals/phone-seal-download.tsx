"use client";
import { useState, type FormEvent } from "react";
import { useT } from "@/lib/i18n/client";
import { downloadSealAction } from "@/lib/actions/seals/seal-actions";
import { PinInput } from "@/components/phone/pin-input";
import { Button } from "@/components/ui/button";
import styles from "./seals.module.css";

type Downloaded = { esId: string | null; name: string; pngBase64: string; sesSealBase64: string };

/** 下载印章 on the phone: the bound certificate's PIN, checked by the server, then the picture and the SES_Seal as files. */
export function PhoneSealDownload({ sealId }: { sealId: string }) {
  const t = useT();
  const [isOpen, setOpen] = useState(false);
  const [pin, setPin] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [got, setGot] = useState<Downloaded | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const res = await downloadSealAction(sealId, { pin });
    setBusy(false);
    setPin("");
    if (!res.ok) return setError(res.error.fields?.pin?.[0] ?? res.error.message);
    setError(null);
    setGot(res.data);
  }
  if (got) {
    const file = got.esId ?? sealId;
    return (
      <div className={styles.form} data-testid="seal-downloaded">
        <p className={styles.ok}>{t("seals.phone.downloaded")}</p>
        <span className={styles.actions}>
          <a href={`data:image/png;base64,${got.pngBase64}`} download={`${file}.png`} data-testid="seal-save-png">{t("seals.phone.savePng")}</a>
          <a href={`data:application/octet-stream;base64,${got.sesSealBase64}`} download={`${file}.ses`} data-testid="seal-save-ses">{t("seals.phone.saveSes")}</a>
        </span>
      </div>
    );
  }
  if (!isOpen) return <Button size="sm" variant="outline" onClick={() => setOpen(true)} data-testid="seal-download">{t("seals.phone.download")}</Button>;
  return (
    <form className={styles.form} onSubmit={onSubmit}>
      <label className={styles.label}>
        {t("seals.phone.pin")}
        <PinInput value={pin} onChange={(e) => setPin(e.target.value)} data-testid="seal-pin" required />
      </label>
      <Button type="submit" size="sm" isLoading={isBusy} data-testid="seal-pin-confirm">{t("seals.phone.confirm")}</Button>
      {error && <p className={styles.error} role="alert" data-testid="seal-pin-error">{error}</p>}
    </form>
  );
}
