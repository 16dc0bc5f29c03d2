"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { revokeWithPinAction } from "@/lib/actions/certs/revoke-actions";
import { useT } from "@/lib/i18n/client";
import { deleteKeys } from "@/lib/phone/key-store";
import { PinInput } from "./pin-input";
import styles from "./phone.module.css";

/**
 * 注销证书 on the phone: the warning, then the PIN (the server checks it as for a signature), then
 * both certificates of the pair are revoked and this phone forgets their key shares.
 */
export function RevokeCertAction({ certificateId, keyShareIds }: { certificateId: string; keyShareIds: string[] }) {
  const t = useT();
  const router = useRouter();
  const [isOpen, setOpen] = useState(false);
  const [pin, setPin] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isDone, setDone] = useState(false);

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    if (!/^\d{6}$/.test(pin)) return setError(t("phone.errors.pinFormat"));
    setBusy(true);
    try {
      const res = await revokeWithPinAction(certificateId, { pin });
      if (!res.ok) return setError(res.error.message);
      await deleteKeys(keyShareIds).catch(() => undefined);
      setDone(true);
      router.refresh();
    } catch {
      setError(t("phone.errors.network"));
    } finally {
      setBusy(false);
      setPin("");
    }
  }

  if (isDone) return <Alert tone="success" data-testid="revoke-done">{t("lifecycleRevoke.phone.done")}</Alert>;
  return (
    <Card title={t("lifecycleRevoke.phone.title")}>
      {!isOpen ? (
        <Button variant="danger" block onClick={() => setOpen(true)} data-testid="revoke-open">{t("lifecycleRevoke.phone.action")}</Button>
      ) : (
        <form onSubmit={onSubmit} className={styles.form} noValidate>
          <Alert tone="warning" isLive={false} title={t("lifecycleRevoke.warningTitle")}>{t("lifecycleRevoke.warning")}</Alert>
          <Field label={t("lifecycleRevoke.phone.pinLabel")}>
            <PinInput value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, ""))} data-testid="revoke-pin" />
          </Field>
          <Alert tone="error" data-testid="revoke-error">{error}</Alert>
          <Button type="submit" variant="danger" isLoading={busy} block data-testid="revoke-confirm">{t("lifecycleRevoke.phone.confirm")}</Button>
          <Button type="button" variant="ghost" block onClick={() => setOpen(false)}>{t("lifecycleRevoke.phone.cancel")}</Button>
        </form>
      )}
    </Card>
  );
}
