"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { useT } from "@/lib/i18n/client";
import { startEnterpriseVerificationAction } from "@/lib/actions/org/verify-actions";
import { ID_TYPES } from "@/lib/server/orders/order-fields.types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import styles from "./request-area.module.css";

const EMPTY = { name: "", uscc: "", legalRepName: "", legalRepIdType: "RESIDENT_ID", legalRepIdNumber: "", bankAccount: "", bankName: "", bankBranch: "" };
type Values = typeof EMPTY;

/** 仅认证企业（对公打款）: the enterprise, its legal representative and its corporate account → the deposit page. */
export function VerifyForm({ name = "", uscc = "" }: { name?: string; uscc?: string }) {
  const t = useT();
  const router = useRouter();
  const [values, setValues] = useState<Values>({ ...EMPTY, name, uscc });
  const [error, setError] = useState<{ message: string; fields?: Record<string, string[]> } | null>(null);
  const [isBusy, setBusy] = useState(false);
  const set = (k: keyof Values) => (e: { target: { value: string } }) => setValues({ ...values, [k]: k === "uscc" ? e.target.value.toUpperCase() : e.target.value });
  const fieldError = (k: keyof Values) => error?.fields?.[k]?.[0];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const res = await startEnterpriseVerificationAction(values);
    if (!res.ok) {
      setBusy(false);
      return setError(res.error);
    }
    router.push(`/org/verify/${res.data.checkId}`);
  }

  const text = (k: keyof Values, max: number, extra: Record<string, string> = {}) => (
    <Field label={t(`orgMembers.verify.${k}` as MessageKey)} error={fieldError(k)} isRequired>
      <Input name={k} value={values[k]} onChange={set(k)} maxLength={max} autoComplete="off" spellCheck={false} {...extra} />
    </Field>
  );
  return (
    <form className={styles.form} onSubmit={submit} noValidate data-testid="verify-form">
      <fieldset className={styles.form} style={{ border: 0, padding: 0, margin: 0 }}>
        <legend><strong>{t("orgMembers.verify.enterprise")}</strong></legend>
        {text("name", 100)}
        {text("uscc", 18)}
        <div className={styles.row}>
          {text("legalRepName", 40)}
          <Field label={t("orgMembers.verify.legalRepIdType")} error={fieldError("legalRepIdType")} isRequired>
            <Select name="legalRepIdType" value={values.legalRepIdType} onChange={set("legalRepIdType")} options={ID_TYPES.map((v) => ({ value: v, label: t(`wizard.idType.${v}` as MessageKey) }))} />
          </Field>
        </div>
        {text("legalRepIdNumber", 18)}
      </fieldset>
      <fieldset className={styles.form} style={{ border: 0, padding: 0, margin: 0 }}>
        <legend><strong>{t("orgMembers.verify.account")}</strong></legend>
        {text("bankAccount", 40, { inputMode: "numeric" })}
        <div className={styles.row}>
          {text("bankName", 60)}
          {text("bankBranch", 100)}
        </div>
      </fieldset>
      <Alert tone="error" data-testid="verify-error">{error && !error.fields ? error.message : null}</Alert>
      <div className={styles.actions}>
        <Button type="submit" isLoading={isBusy}>{t("orgMembers.verify.submit")}</Button>
      </div>
    </form>
  );
}
