"use client";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { useMessage } from "@/components/forms/use-message";
import { useT } from "@/lib/i18n/client";
import { loadKey } from "@/lib/phone/key-store";
import { askForRecovery, finishRecovery, getRecovery, type PhoneKeyRecovery } from "@/lib/phone/recover-encryption-key";
import { hasTransportKey } from "@/lib/phone/recovery-key-store";
import { ZChoosePinSchema, type TChoosePin } from "@/lib/server/keys/keys.types";
import { PinInput } from "./pin-input";
import { usePhoneError } from "./use-phone-error";
import styles from "./phone.module.css";

type Recovery = { id: string; status: PhoneKeyRecovery["status"]; reason: string | null };

/**
 * 恢复到本机 (lib/phone/recover-encryption-key.ts): ask with a transport key made here, follow the
 * review and the key-management centre, then choose a PIN to finish. Whether the key or the
 * transport key is on this phone is known only in the browser (IndexedDB).
 */
export function RecoverKeyForm({ certificateId, keyShareId, initial }: { certificateId: string; keyShareId: string; initial: Recovery | null }) {
  const t = useT();
  const msg = useMessage();
  const describe = usePhoneError();
  const [recovery, setRecovery] = useState<Recovery | null>(initial);
  const [isHere, setHere] = useState<boolean | null>(null);
  const [isOurs, setOurs] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [done, setDone] = useState(false);
  const form = useForm<TChoosePin>({ resolver: zodResolver(ZChoosePinSchema), defaultValues: { pin: "", confirm: "" } });

  useEffect(() => {
    loadKey(keyShareId).then((k) => setHere(Boolean(k)), () => setHere(false));
  }, [keyShareId]);
  useEffect(() => {
    if (!recovery) return setOurs(null);
    hasTransportKey(keyShareId, recovery.id).then(setOurs, () => setOurs(false));
  }, [keyShareId, recovery]);

  const explain = (err: unknown) => ((err as { code?: string }).code === "otherPhone" ? t("phone.recovery.otherPhone") : describe(err));

  async function onAsk() {
    setBusy(true);
    setError("");
    try {
      const made = await askForRecovery(keyShareId);
      setRecovery({ id: made.id, status: "REQUESTED", reason: null });
    } catch (err) {
      setError(explain(err));
    } finally {
      setBusy(false);
    }
  }

  async function onRefresh() {
    if (!recovery) return;
    setBusy(true);
    setError("");
    try {
      const r = await getRecovery(recovery.id);
      setRecovery({ id: r.id, status: r.status, reason: r.reason });
    } catch (err) {
      setError(explain(err));
    } finally {
      setBusy(false);
    }
  }

  const onFinish = form.handleSubmit(async (values) => {
    if (!recovery) return;
    setError("");
    try {
      await finishRecovery({ recoveryId: recovery.id, ...values });
      setDone(true);
      setRecovery({ ...recovery, status: "INSTALLED" });
    } catch (err) {
      setError(explain(err));
    }
  });

  const back = `/m/certs/${certificateId}`;
  if (done || (isHere && recovery?.status === "INSTALLED")) {
    return (
      <div className={styles.form}>
        <Alert tone="success" data-testid="recovery-done">{t("phone.recovery.done")}</Alert>
        <ButtonLink href={back} block>{t("phone.recovery.viewCert")}</ButtonLink>
      </div>
    );
  }
  const e = form.formState.errors;
  const canAsk = !recovery || ["REJECTED", "CANCELLED", "INSTALLED"].includes(recovery.status);
  return (
    <div className={styles.form}>
      <p className={styles.note}>{t("phone.recovery.lead")}</p>
      <Alert tone="error" data-testid="recovery-error">{error}</Alert>
      {recovery && (
        <Card title={t("review.recoveries.state")}>
          <p data-testid="recovery-status">{t(`phone.recovery.status.${recovery.status}`, { reason: recovery.reason ?? "" })}</p>
          {(recovery.status === "REQUESTED" || recovery.status === "APPROVED") && (
            <Button variant="secondary" onClick={onRefresh} isLoading={busy} block data-testid="recovery-refresh">{t("phone.recovery.refresh")}</Button>
          )}
        </Card>
      )}
      {recovery?.status === "DELIVERED" && isOurs === false && <Alert tone="warning" isLive={false}>{t("phone.recovery.otherPhone")}</Alert>}
      {recovery?.status === "DELIVERED" && isOurs && (
        <form noValidate onSubmit={onFinish} className={styles.form}>
          <p className={styles.note}>{t("phone.recovery.pinLead")}</p>
          <Field label={t("phone.pin.newPin")} error={msg(e.pin?.message)} isRequired>
            <PinInput {...form.register("pin")} data-testid="pin" />
          </Field>
          <Field label={t("phone.pin.confirm")} error={msg(e.confirm?.message)} isRequired>
            <PinInput {...form.register("confirm")} data-testid="confirm-pin" />
          </Field>
          <Button type="submit" block size="lg" isLoading={form.formState.isSubmitting} data-testid="recovery-finish">{t("phone.recovery.finish")}</Button>
        </form>
      )}
      {canAsk && isHere === false && (
        <Button onClick={onAsk} isLoading={busy} block size="lg" data-testid="recovery-start">{t("phone.recovery.start")}</Button>
      )}
    </div>
  );
}
