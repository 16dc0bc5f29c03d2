"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { VerificationMethod } from "@/lib/generated/prisma/enums";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { personStepSchema, type TPersonStep } from "@/lib/server/orders/save-person-step.types";
import { ID_TYPES } from "@/lib/server/orders/order-fields.types";
import type { BlockingOrder } from "@/lib/server/orders/subject-busy-error";
import { saveSubjectAction } from "@/lib/actions/orders/step-actions";
import { BusyDialog } from "./busy-dialog";
import { SelectField, TextField } from "./text-field";
import { useStepAction } from "./use-step-action";
import { CheckProgress, type CheckPhase } from "./check-progress";
import { VerificationBlock, type CheckState } from "./verification-block";
import styles from "./wizard.module.css";

/** Step 2 of the individual wizard: the applicant, then their real-name check. */
export function PersonForm({
  orderId,
  method,
  defaults,
  initialCheck,
  canOffline,
  backHref,
  isChange = false,
}: {
  orderId: string;
  method: VerificationMethod;
  defaults?: Partial<TPersonStep>;
  initialCheck: CheckState | null;
  canOffline: boolean;
  backHref: string;
  /** 证书变更: the ID number is the certificate's and cannot change. */
  isChange?: boolean;
}) {
  const t = useT();
  const form = useForm<TPersonStep>({ resolver: zodResolver(personStepSchema(method)) as never, defaultValues: { idType: "RESIDENT_ID", ...defaults } });
  const { run, go, error, isBusy } = useStepAction(form);
  const [check, setCheck] = useState<CheckState | null>(initialCheck);
  const [phase, setPhase] = useState<CheckPhase>("idle");
  const [blocking, setBlocking] = useState<BlockingOrder | null>(null);

  const submit = form.handleSubmit(async (values) => {
    setBlocking(null);
    setCheck(null);
    setPhase("checking");
    const data = await run(() => saveSubjectAction(orderId, "individual", values));
    setPhase(data && data.kind !== "busy" && data.nextPath && data.status === "PASSED" ? "passed" : "idle");
    if (!data) return;
    if (data.kind === "busy") return setBlocking(data.blocking);
    if (data.nextPath) return go(data.nextPath);
    if (data.status === "PENDING" || data.status === "FAILED") setCheck({ status: data.status, checkId: data.checkId, failReason: data.failReason });
  });

  const needsCard = method === "BANK4" || method === "PERSONAL_DEPOSIT";
  return (
    <>
      <form noValidate onSubmit={submit} className={styles.form}>
        <Alert tone="error" data-testid="form-error">{error}</Alert>
        <div className={styles.grid}>
          <TextField form={form} name="name" label={t("wizard.person.name")} />
          <SelectField form={form} name="idType" label={t("wizard.person.idType")} options={ID_TYPES.map((v) => ({ value: v, label: t(`wizard.idType.${v}` as MessageKey) }))} />
          <TextField form={form} name="idNumber" label={t("wizard.person.idNumber")} maxLength={18} spellCheck={false} readOnly={isChange} hint={isChange ? t("lifecycleChange.errors.idNumberFixed") : undefined} />
          <TextField form={form} name="phone" label={t("wizard.person.phone")} inputMode="numeric" maxLength={11} />
          <TextField form={form} name="email" label={t("wizard.person.email")} hint={t("wizard.person.emailHint")} type="email" className={styles.full} />
          {needsCard && <TextField form={form} name="bankCard" label={t("wizard.person.bankCard")} inputMode="numeric" maxLength={23} />}
          {method === "PERSONAL_DEPOSIT" && <TextField form={form} name="bankName" label={t("wizard.person.bankName")} />}
        </div>
        {blocking && <BusyDialog blocking={blocking} subject={form.getValues("name")} onCancelled={() => void submit()} />}
        <CheckProgress phase={phase} method={method} />
        <div className={styles.actions}>
          <ButtonLink href={backHref} variant="outline">{t("wizard.back")}</ButtonLink>
          <Button type="submit" size="lg" isLoading={isBusy} data-testid="next">{t("wizard.next")}</Button>
        </div>
      </form>
      {check && (
        <VerificationBlock orderId={orderId} which="subject" role="APPLICANT" method={method} check={check} canOffline={canOffline} onCorrect={() => { setCheck(null); form.setFocus("name"); }} />
      )}
    </>
  );
}
