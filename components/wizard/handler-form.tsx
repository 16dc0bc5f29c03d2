"use client";
import { useState } from "react";
import { methodName } from "@/components/identity/method-name";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { useMessage } from "@/components/forms/use-message";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/catalogue";
import type { VerificationMethod } from "@/lib/generated/prisma/enums";
import { ZHandlerStepSchema, HANDLER_METHODS, type THandlerStep } from "@/lib/server/orders/save-handler-step.types";
import { ID_TYPES } from "@/lib/server/orders/order-fields.types";
import type { TEnterpriseStep } from "@/lib/server/orders/save-enterprise-step.types";
import { saveHandlerAction } from "@/lib/actions/orders/step-actions";
import { SelectField, TextField } from "./text-field";
import { useStepAction } from "./use-step-action";
import { CheckProgress, type CheckPhase } from "./check-progress";
import { VerificationBlock, type CheckState } from "./verification-block";
import styles from "./wizard.module.css";

type FormValues = THandlerStep & { bankCard?: string };

/** Step 3 of the unit wizard: the 经办人, optionally the legal representative themselves (pre-filled). */
export function HandlerForm({
  orderId,
  methods,
  enterprise,
  legalRepCheckedBy = null,
  defaults,
  initialCheck,
  canOffline,
  backHref,
}: {
  orderId: string;
  methods: Array<(typeof HANDLER_METHODS)[number]>;
  enterprise: Pick<TEnterpriseStep, "legalRepName" | "legalRepIdType" | "legalRepIdNumber" | "legalRepPhone">;
  /** The method that already verified the legal representative (null: a deposit checked the enterprise only). */
  legalRepCheckedBy?: VerificationMethod | null;
  defaults?: Partial<FormValues>;
  initialCheck: CheckState | null;
  canOffline: boolean;
  backHref: string;
}) {
  const t = useT();
  const msg = useMessage();
  const form = useForm<FormValues>({
    resolver: zodResolver(ZHandlerStepSchema) as never,
    defaultValues: { isLegalRep: false, idType: "RESIDENT_ID", method: methods[0], ...defaults },
  });
  const { run, go, error, isBusy } = useStepAction(form);
  const [check, setCheck] = useState<CheckState | null>(initialCheck);
  const [phase, setPhase] = useState<CheckPhase>("idle");
  const method = form.watch("method");
  const isLegalRep = form.watch("isLegalRep");
  const isCheckedAlready = isLegalRep && legalRepCheckedBy !== null;

  function onLegalRepChange(checked: boolean) {
    form.setValue("isLegalRep", checked);
    if (!checked) return;
    form.setValue("name", enterprise.legalRepName);
    form.setValue("idType", enterprise.legalRepIdType);
    form.setValue("idNumber", enterprise.legalRepIdNumber);
    form.setValue("phone", enterprise.legalRepPhone);
  }

  const submit = form.handleSubmit(async (values) => {
    setCheck(null);
    setPhase("checking");
    const data = await run(() => saveHandlerAction(orderId, values));
    setPhase(data?.nextPath && data.status === "PASSED" ? "passed" : "idle");
    if (!data) return;
    if (data.nextPath) return go(data.nextPath);
    if (data.status === "PENDING" || data.status === "FAILED") setCheck({ status: data.status, checkId: data.checkId, failReason: data.failReason });
  });

  return (
    <>
      <form noValidate onSubmit={submit} className={styles.form}>
        <Alert tone="error" data-testid="form-error">{error}</Alert>
        <Checkbox
          label={t("wizard.handler.isLegalRep")}
          hint={t("wizard.handler.isLegalRepHint")}
          checked={isLegalRep}
          onChange={(e) => onLegalRepChange(e.currentTarget.checked)}
          data-testid="handler-is-legal-rep"
        />
        <div className={styles.grid}>
          <TextField form={form} name="name" label={t("wizard.handler.name")} readOnly={isLegalRep} />
          <SelectField form={form} name="idType" label={t("wizard.handler.idType")} options={ID_TYPES.map((v) => ({ value: v, label: t(`wizard.idType.${v}` as MessageKey) }))} />
          <TextField form={form} name="idNumber" label={t("wizard.handler.idNumber")} maxLength={18} spellCheck={false} readOnly={isLegalRep} />
          <TextField form={form} name="phone" label={t("wizard.handler.phone")} hint={t("wizard.handler.phoneHint")} inputMode="numeric" maxLength={11} />
          <TextField form={form} name="email" label={t("wizard.handler.email")} hint={t("wizard.handler.emailHint")} type="email" className={styles.full} />
        </div>
        {isCheckedAlready ? (
          <Alert tone="success" isLive={false} data-testid="handler-checked-already">
            {t("wizard.handler.checkedAlready", { method: methodName(t, legalRepCheckedBy, { isLegalRep: true }) })}
          </Alert>
        ) : (
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t("wizard.handler.method")}</legend>
          <div className={styles.options}>
            {methods.map((m) => (
              <label key={m} className={styles.option}>
                <input type="radio" value={m} {...form.register("method")} data-testid={`handler-method-${m}`} />
                <span className={styles.optionText}>
                  <span className={styles.optionTitle}>{methodName(t, m)}</span>
                  <span className={styles.optionHint}>{t(`wizard.method.personNeeds.${m}` as MessageKey)}</span>
                </span>
              </label>
            ))}
          </div>
          {form.formState.errors.method && <p className={styles.error}>{msg(form.formState.errors.method.message)}</p>}
        </fieldset>
        )}
        {method === "BANK4" && !isCheckedAlready && <TextField form={form} name="bankCard" label={t("wizard.handler.bankCard")} inputMode="numeric" maxLength={23} />}
        <CheckProgress phase={phase} method={isLegalRep ? null : method} />
        <div className={styles.actions}>
          <ButtonLink href={backHref} variant="outline">{t("wizard.back")}</ButtonLink>
          <Button type="submit" size="lg" isLoading={isBusy} data-testid="next">{t("wizard.next")}</Button>
        </div>
      </form>
      {check && (
        <VerificationBlock orderId={orderId} which="handler" role="HANDLER" method={method} check={check} canOffline={canOffline} onCorrect={() => { setCheck(null); form.setFocus("name"); }} />
      )}
    </>
  );
}
