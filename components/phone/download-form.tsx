"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { useMessage } from "@/components/forms/use-message";
import { useT } from "@/lib/i18n/client";
import { downloadCertificate, type DownloadStep } from "@/lib/phone/download-certificate";
import { ZChoosePinSchema, type TChoosePin } from "@/lib/server/keys/keys.types";
import { PinInput } from "./pin-input";
import { usePhoneError } from "./use-phone-error";
import styles from "./phone.module.css";

const STEPS: DownloadStep[] = ["sign", "encrypt", "issue", "store"];

/** 证书下载: choose the PIN twice, then the phone runs both key generations and stores its shares. */
export function DownloadForm({ orderId, subject }: { orderId: string; subject: string }) {
  const t = useT();
  const msg = useMessage();
  const describe = usePhoneError();
  const [step, setStep] = useState<DownloadStep | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ id: string; serialHex: string } | null>(null);
  const form = useForm<TChoosePin>({ resolver: zodResolver(ZChoosePinSchema), defaultValues: { pin: "", confirm: "" } });

  const onSubmit = form.handleSubmit(async ({ pin }) => {
    setError(null);
    try {
      const { certificates } = await downloadCertificate({ orderId, pin, onStep: setStep });
      const sign = certificates.find((c) => c.usage === "SIGN")!;
      setDone({ id: sign.id, serialHex: sign.serialHex });
    } catch (err) {
      setStep(null);
      setError(describe(err));
    }
  });

  if (done) {
    return (
      <Card>
        <div className={styles.form}>
          <Alert tone="success" data-testid="download-done">{t("phone.download.done")}</Alert>
          <p className={styles.mono}>{t("phone.download.doneBody", { serial: done.serialHex })}</p>
          <ButtonLink href={`/m/certs/${done.id}`} block size="lg" data-testid="view-cert">{t("phone.download.viewCert")}</ButtonLink>
        </div>
      </Card>
    );
  }
  const current = step ? STEPS.indexOf(step) : -1;
  return (
    <Card>
      <form noValidate onSubmit={onSubmit} className={styles.form}>
        <p className={styles.cardTitle}>{subject}</p>
        <p className={styles.note}>{t("phone.download.lead")}</p>
        <Alert tone="error" data-testid="form-error">{error}</Alert>
        <Field label={t("phone.download.pin")} error={msg(form.formState.errors.pin?.message)} isRequired>
          <PinInput {...form.register("pin")} data-testid="pin" disabled={step !== null} />
        </Field>
        <Field label={t("phone.download.confirm")} error={msg(form.formState.errors.confirm?.message)} isRequired>
          <PinInput {...form.register("confirm")} data-testid="confirm-pin" disabled={step !== null} />
        </Field>
        {step && (
          <ol className={styles.steps} aria-live="polite">
            {STEPS.map((s, i) => (
              <li key={s} className={i < current ? styles.stepDone : i === current ? styles.stepActive : styles.step}>
                {i < current ? "✓" : i === current ? "…" : "○"} {t(`phone.download.steps.${s}`)}
              </li>
            ))}
          </ol>
        )}
        <Button type="submit" block size="lg" isLoading={step !== null} data-testid="download">{t("phone.download.submit")}</Button>
        <p className={styles.note}>{t("phone.download.keyNote")}</p>
      </form>
    </Card>
  );
}
