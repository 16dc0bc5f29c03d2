"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { VerificationMethod } from "@/lib/generated/prisma/enums";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { enterpriseStepSchema, type TEnterpriseStep } from "@/lib/server/orders/save-enterprise-step.types";
import { ID_TYPES } from "@/lib/server/orders/order-fields.types";
import type { BlockingOrder } from "@/lib/server/orders/subject-busy-error";
import { saveSubjectAction } from "@/lib/actions/orders/step-actions";
import { BusyDialog } from "./busy-dialog";
import { SelectField, TextField } from "./text-field";
import { useStepAction } from "./use-step-action";
import { CheckProgress, type CheckPhase } from "./check-progress";
import { VerificationBlock, type CheckState } from "./verification-block";
import styles from "./wizard.module.css";

/** Step 2 of the unit wizard: the enterprise, then its verification (micro-deposit or the legal rep). */
export function EnterpriseForm({
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
  defaults?: Partial<TEnterpriseStep>;
  initialCheck: CheckState | null;
  canOffline: boolean;
  backHref: string;
  /** 证书变更: the USCC is the certificate's and cannot change; the address may. */
  isChange?: boolean;
}) {
  const t = useT();
  const form = useForm<TEnterpriseStep>({
    resolver: zodResolver(enterpriseStepSchema(method)) as never,
    defaultValues: { legalRepIdType: "RESIDENT_ID", ...defaults },
  });
  const { run, go, error, isBusy } = useStepAction(form);
  const [check, setCheck] = useState<CheckState | null>(initialCheck);
  const [phase, setPhase] = useState<CheckPhase>("idle");
  const [blocking, setBlocking] = useState<BlockingOrder | null>(null);

  const submit = form.handleSubmit(async (values) => {
    setBlocking(null);
    setCheck(null);
    setPhase("checking");
    const data = await run(() => saveSubjectAction(orderId, "unit", values));
    setPhase(data && data.kind !== "busy" && data.nextPath && data.status === "PASSED" ? "passed" : "idle");
    if (!data) return;
    if (data.kind === "busy") return setBlocking(data.blocking);
    if (data.nextPath) return go(data.nextPath);
    if (data.status === "PENDING" || data.status === "FAILED") setCheck({ status: data.status, checkId: data.checkId, failReason: data.failReason });
  });

  const idTypes = ID_TYPES.map((v) => ({ value: v, label: t(`wizard.idType.${v}` as MessageKey) }));
  return (
    <>
      <form noValidate onSubmit={submit} className={styles.form} aria-labelledby="enterprise-title">
        <h2 id="enterprise-title" className="visually-hidden">{t("wizard.enterprise.title")}</h2>
        <Alert tone="error" data-testid="form-error">{error}</Alert>
        {error && error === t("orgMembers.errors.registered", { uscc: form.getValues("uscc")?.trim() ?? "" }) && (
          <ButtonLink href={`/org/join?uscc=${encodeURIComponent(form.getValues("uscc").trim())}&name=${encodeURIComponent(form.getValues("name")?.trim() ?? "")}`} variant="outline" data-testid="org-join">{t("orgMembers.home.join")}</ButtonLink>
        )}
        <div className={styles.grid}>
          <TextField form={form} name="name" label={t("wizard.enterprise.name")} placeholder={t("wizard.enterprise.namePlaceholder")} className={styles.full} />
          <TextField form={form} name="uscc" label={t("wizard.enterprise.uscc")} hint={t(isChange ? "lifecycleChange.errors.usccFixed" : "wizard.enterprise.usccHint")} maxLength={18} autoCapitalize="characters" spellCheck={false} readOnly={isChange} />
          <TextField form={form} name="legalRepName" label={t("wizard.enterprise.legalRepName")} />
          <SelectField form={form} name="legalRepIdType" label={t("wizard.enterprise.legalRepIdType")} options={idTypes} />
          <TextField form={form} name="legalRepIdNumber" label={t("wizard.enterprise.legalRepIdNumber")} maxLength={18} spellCheck={false} />
          <TextField form={form} name="legalRepPhone" label={t("wizard.enterprise.legalRepPhone")} inputMode="numeric" maxLength={11} autoComplete="off" />
          {isChange && <TextField form={form} name="address" label={t("lifecycleChange.address")} isRequired={false} className={styles.full} maxLength={200} />}
          {method === "BANK4" && <TextField form={form} name="legalRepBankCard" label={t("wizard.enterprise.legalRepBankCard")} inputMode="numeric" maxLength={23} />}
        </div>
        {method === "CORP_DEPOSIT" && (
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>{t("wizard.enterprise.bankTitle")}</legend>
            <div className={styles.grid}>
              <TextField form={form} name="bankAccount" label={t("wizard.enterprise.bankAccount")} inputMode="numeric" className={styles.full} />
              <TextField form={form} name="bankName" label={t("wizard.enterprise.bankName")} />
              <TextField form={form} name="bankBranch" label={t("wizard.enterprise.bankBranch")} />
            </div>
          </fieldset>
        )}
        {blocking && <BusyDialog blocking={blocking} subject={form.getValues("name")} onCancelled={() => void submit()} />}
        <CheckProgress phase={phase} method={method} />
        <div className={styles.actions}>
          <ButtonLink href={backHref} variant="outline">{t("wizard.back")}</ButtonLink>
          <Button type="submit" size="lg" isLoading={isBusy} data-testid="next">{t("wizard.next")}</Button>
        </div>
      </form>
      {check && (
        <VerificationBlock
          orderId={orderId}
          which="subject"
          role={method === "CORP_DEPOSIT" ? "ENTERPRISE" : "LEGAL_REP"}
          method={method}
          check={check}
          canOffline={canOffline}
          onCorrect={() => {
            setCheck(null);
            form.setFocus("name");
          }}
        />
      )}
    </>
  );
}
