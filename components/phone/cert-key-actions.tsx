"use client";
import { useEffect, useState } from "react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { useT } from "@/lib/i18n/client";
import { loadKey } from "@/lib/phone/key-store";
import { signPinCheck } from "@/lib/phone/sign-pin-check";
import { verify } from "@/lib/pki/sm2";
import { hexToBytes } from "@/lib/pki/encoding";
import { usePhoneError } from "./use-phone-error";
import { PinInput } from "./pin-input";
import styles from "./phone.module.css";

/**
 * What this phone can do with the certificate's key: a PIN-checked test signature over the server's
 * PIN-check message (verified here against the certificate's key), and the PIN pages. Whether the key share is on this phone is only
 * known in the browser (IndexedDB).
 */
export function CertKeyActions({ certificateId, keyShareId, usage, isLocked }: { certificateId: string; keyShareId: string; usage: "SIGN" | "ENCRYPT"; isLocked: boolean }) {
  const t = useT();
  const describe = usePhoneError();
  const [isHere, setHere] = useState<boolean | null>(null);
  const [pin, setPin] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [locked, setLocked] = useState(isLocked);

  useEffect(() => {
    loadKey(keyShareId).then((k) => setHere(Boolean(k)), () => setHere(false));
  }, [keyShareId]);

  async function onSign(e: React.FormEvent) {
    e.preventDefault();
    setResult(null);
    if (!/^\d{6}$/.test(pin)) return setResult({ tone: "error", text: t("phone.errors.pinFormat") });
    setBusy(true);
    try {
      const stored = await loadKey(keyShareId);
      const { message, signature } = await signPinCheck({ keyShareId, pin });
      const ok = stored ? verify(signature, message, hexToBytes(stored.publicKey)) : false;
      setResult(ok ? { tone: "success", text: t("phone.pin.testOk") } : { tone: "error", text: t("phone.errors.network") });
    } catch (err) {
      if ((err as { code?: string }).code === "locked") setLocked(true);
      setResult({ tone: "error", text: describe(err) });
    } finally {
      setBusy(false);
      setPin("");
    }
  }

  const base = `/m/certs/${certificateId}`;
  return (
    <Card title={t("phone.cert.actions")}>
      <div className={styles.form}>
        {isHere === false && <Alert tone="warning" isLive={false}>{t("phone.cert.notOnThisPhone")}</Alert>}
        {isHere === false && usage === "ENCRYPT" && (
          <ButtonLink href={`/m/certs/${certificateId}/recover`} variant="secondary" block data-testid="recover-link">{t("phone.recovery.link")}</ButtonLink>
        )}
        {usage === "SIGN" && isHere && !locked && (
          <form onSubmit={onSign} className={styles.form} noValidate>
            <p className={styles.note}>{t("phone.pin.testLead")}</p>
            <Field label={t("phone.pin.enter")}>
              <PinInput value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, ""))} data-testid="pin" />
            </Field>
            <Button type="submit" isLoading={busy} block data-testid="test-sign">{t("phone.cert.testSign")}</Button>
          </form>
        )}
        <Alert tone={result?.tone === "error" ? "error" : "success"} data-testid="sign-result">{result?.text}</Alert>
        <ul className={styles.menu}>
          {locked ? (
            <li><Link href={`${base}/unlock`} data-testid="unlock-link">{t("phone.cert.unlock")}</Link></li>
          ) : (
            <li><Link href={`${base}/pin`}>{t("phone.cert.changePin")}</Link></li>
          )}
          <li><Link href={`${base}/unlock?mode=reset`}>{t("phone.cert.forgotPin")}</Link></li>
        </ul>
      </div>
    </Card>
  );
}
