"use client";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useMessage } from "@/components/forms/use-message";
import { MaterialUploader } from "@/components/materials/material-uploader";
import { useT } from "@/lib/i18n/client";
import { loadKey } from "@/lib/phone/key-store";
import { finishReissue, getReissue, startReissue, type PhoneReissue, type ReissueStep } from "@/lib/phone/reissue-certificate";
import { hasTransportKey } from "@/lib/phone/recovery-key-store";
import { ZChoosePinSchema, type TChoosePin } from "@/lib/server/keys/keys.types";
import { ZStartReissueSchema } from "@/lib/server/orders/reissue.types";
import { PinInput } from "./pin-input";
import { usePhoneError } from "./use-phone-error";
import styles from "./phone.module.css";

const ZIdentitySchema = ZStartReissueSchema.pick({ name: true, idNumber: true });
type TIdentity = z.input<typeof ZIdentitySchema>;

/**
 * 证书补办 / 找回 on the new phone (lib/phone/reissue-certificate.ts): the holder's name and ID number
 * (checked against the certificate's holder and the account's first verified identity, then PHONE3),
 * the review's progress, then a PIN: the encryption key is recovered and a new signing key issued.
 */
export function ReissueForm({ certificateId, signKeyShareId, initial }: { certificateId: string; signKeyShareId: string | null; initial: PhoneReissue | null }) {
  const t = useT();
  const msg = useMessage();
  const describe = usePhoneError();
  const [reissue, setReissue] = useState<PhoneReissue | null>(initial);
  const [isOurs, setOurs] = useState<boolean | null>(null);
  const [isHere, setHere] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<ReissueStep | null>(null);
  const [error, setError] = useState("");
  const [doneId, setDoneId] = useState<string | null>(null);
  const identity = useForm<TIdentity>({ resolver: zodResolver(ZIdentitySchema), defaultValues: { name: "", idNumber: "" } });
  const pinForm = useForm<TChoosePin>({ resolver: zodResolver(ZChoosePinSchema), defaultValues: { pin: "", confirm: "" } });

  useEffect(() => {
    if (!signKeyShareId) return setHere(false);
    loadKey(signKeyShareId).then((k) => setHere(Boolean(k)), () => setHere(false));
  }, [signKeyShareId]);
  useEffect(() => {
    const r = reissue?.recovery;
    if (!r) return setOurs(null);
    hasTransportKey(r.keyShareId, r.id).then(setOurs, () => setOurs(false));
  }, [reissue]);

  const onStart = identity.handleSubmit(async (values) => {
    setError("");
    try {
      const made = await startReissue({ certificateId, ...values });
      setReissue(await getReissue(made.orderId));
    } catch (err) {
      setError(describe(err));
    }
  });

  async function onRefresh() {
    if (!reissue) return;
    setBusy(true);
    setError("");
    try {
      setReissue(await getReissue(reissue.id));
    } catch (err) {
      setError(describe(err));
    } finally {
      setBusy(false);
    }
  }

  const onFinish = pinForm.handleSubmit(async (values) => {
    if (!reissue) return;
    setError("");
    try {
      const done = await finishReissue({ orderId: reissue.id, ...values, onStep: setStep });
      setDoneId(done.certificateId);
    } catch (err) {
      setError((err as { code?: string }).code === "otherPhone" ? t("lifecycleReissue.page.otherPhone") : describe(err));
    } finally {
      setStep(null);
    }
  });

  if (doneId) {
    return (
      <div className={styles.form}>
        <Alert tone="success" data-testid="reissue-done">{t("lifecycleReissue.page.done")}</Alert>
        <ButtonLink href={`/m/certs/${doneId}`} block>{t("lifecycleReissue.page.backToCert")}</ButtonLink>
      </div>
    );
  }
  const status = (() => {
    if (!reissue) return null;
    if (reissue.status === "APPROVED") return reissue.recovery?.status === "APPROVED" ? "APPROVED_WAITING" : "APPROVED_READY";
    if (reissue.status === "DRAFT" && reissue.needsForm) return "DRAFT";
    if (reissue.status === "IN_REVIEW" || reissue.status === "REJECTED" || reissue.status === "COMPLETED") return reissue.status;
    return null;
  })();
  const canStart = !reissue || reissue.status === "REJECTED" || reissue.status === "CANCELLED";
  const ready = status === "APPROVED_READY";
  const ie = identity.formState.errors;
  const pe = pinForm.formState.errors;
  return (
    <div className={styles.form}>
      <Alert tone="error" data-testid="reissue-error">{error}</Alert>
      {status && (
        <Card title={t("lifecycleReissue.page.statusTitle")}>
          <p className={styles.cardMeta} data-testid="reissue-no" data-no={reissue?.no}>{t("lifecycleReissue.page.orderNo", { no: reissue?.no ?? "" })}</p>
          <p data-testid="reissue-status">{t(`lifecycleReissue.page.statuses.${status}`, { reason: reissue?.rejectReason ?? "" })}</p>
          {status === "DRAFT" && reissue && (
            <div className={styles.form} data-testid="reissue-form-step">
              <p className={styles.note}>{t("lifecycleReissue.page.formLead")}</p>
              <ButtonLink href={`/api/m/reissues/${reissue.id}/form`} variant="secondary" block prefetch={false} data-testid="reissue-form-download">{t("lifecycleReissue.page.formDownload")}</ButtonLink>
              <MaterialUploader orderId={reissue.id} kind="REISSUE_FORM" label={t("lifecycleReissue.page.formFile")} onUploaded={() => void onRefresh()} />
            </div>
          )}
          {(status === "IN_REVIEW" || status === "APPROVED_WAITING") && (
            <Button variant="secondary" onClick={onRefresh} isLoading={busy} block data-testid="reissue-refresh">{t("lifecycleReissue.page.refresh")}</Button>
          )}
        </Card>
      )}
      {ready && isOurs === false && <Alert tone="warning" isLive={false}>{t("lifecycleReissue.page.otherPhone")}</Alert>}
      {ready && isOurs && (
        <form noValidate onSubmit={onFinish} className={styles.form}>
          <h2 className={styles.sectionTitle}>{t("lifecycleReissue.page.pinTitle")}</h2>
          <p className={styles.note}>{t("lifecycleReissue.page.pinLead")}</p>
          <Field label={t("lifecycleReissue.page.pin")} error={msg(pe.pin?.message)} isRequired>
            <PinInput {...pinForm.register("pin")} data-testid="pin" />
          </Field>
          <Field label={t("lifecycleReissue.page.confirmPin")} error={msg(pe.confirm?.message)} isRequired>
            <PinInput {...pinForm.register("confirm")} data-testid="confirm-pin" />
          </Field>
          {step && <p className={styles.note} aria-live="polite">{t(`lifecycleReissue.page.steps.${step}`)}</p>}
          <Button type="submit" block size="lg" isLoading={pinForm.formState.isSubmitting} data-testid="reissue-finish">{t("lifecycleReissue.page.finish")}</Button>
        </form>
      )}
      {canStart && isHere === false && (
        <form noValidate onSubmit={onStart} className={styles.form}>
          <h2 className={styles.sectionTitle}>{t("lifecycleReissue.page.identityTitle")}</h2>
          <p className={styles.note}>{t("lifecycleReissue.page.identityLead")}</p>
          <Field label={t("lifecycleReissue.page.name")} error={msg(ie.name?.message)} isRequired>
            <Input {...identity.register("name")} autoComplete="name" data-testid="reissue-name" />
          </Field>
          <Field label={t("lifecycleReissue.page.idNumber")} error={msg(ie.idNumber?.message)} isRequired>
            <Input {...identity.register("idNumber")} autoComplete="off" inputMode="text" maxLength={18} data-testid="reissue-id-number" />
          </Field>
          <Button type="submit" block size="lg" isLoading={identity.formState.isSubmitting} data-testid="reissue-start">{reissue ? t("lifecycleReissue.page.restart") : t("lifecycleReissue.page.submit")}</Button>
        </form>
      )}
    </div>
  );
}
