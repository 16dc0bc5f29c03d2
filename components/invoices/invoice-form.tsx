"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import type { ApiError } from "@/components/forms/api-error";
import { useMessage } from "@/components/forms/use-message";
import { useT } from "@/lib/i18n/client";
import { ZInvoiceRequestSchema, type TInvoiceRequest, type TInvoiceRequestInput } from "@/lib/server/payments/invoice-fields.types";
import type { ActionResult } from "@/lib/server/http/action-result";
import styles from "./invoices.module.css";

/**
 * The invoice fields a buyer fills in (申请发票, or the corrections of 重开发票). The title and tax
 * number are shown, not asked: the server prints the certificate subject's.
 */
export function InvoiceForm({
  buyer,
  defaults,
  lead,
  submitLabel,
  testId,
  onSubmit,
  onCancel,
}: {
  buyer: { title: string; taxNumber?: string };
  defaults: TInvoiceRequestInput;
  lead?: string;
  submitLabel: string;
  testId: string;
  onSubmit: (values: TInvoiceRequest) => Promise<ActionResult<unknown>>;
  onCancel?: () => void;
}) {
  const t = useT();
  const msg = useMessage();
  const [error, setError] = useState<ApiError | null>(null);
  const form = useForm<TInvoiceRequestInput, unknown, TInvoiceRequest>({ resolver: zodResolver(ZInvoiceRequestSchema), defaultValues: defaults });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    const res = await onSubmit(values);
    if (!res.ok && !applyFieldErrors(form.setError, res.error)) setError(res.error);
  });
  const text = (name: "address" | "phone" | "bank" | "account", max: number) => (
    <Field label={t(`invoices.card.fields.${name}`)} error={msg(errors[name]?.message)}>
      <Input {...form.register(name)} maxLength={max} data-testid={`${testId}-${name}`} />
    </Field>
  );
  return (
    <form noValidate onSubmit={submit} className={styles.form} data-testid={testId}>
      {lead && <p className={styles.lead}>{lead}</p>}
      <p className={styles.buyer}>
        {t("invoices.card.buyer")}：<strong>{buyer.title}</strong>
        {buyer.taxNumber && <> · {t("invoices.card.taxNumber")}：<span className={styles.number}>{buyer.taxNumber}</span></>}
        <br />
        <span className={styles.lead}>{t("invoices.card.buyerHint")}</span>
      </p>
      <Alert tone="error" data-testid={`${testId}-error`}>{error?.message}</Alert>
      <Field label={t("invoices.card.fields.email")} error={msg(errors.email?.message)} isRequired>
        <Input {...form.register("email")} type="email" inputMode="email" autoComplete="email" maxLength={100} data-testid={`${testId}-email`} />
      </Field>
      <div className={styles.grid2}>
        {text("address", 200)}
        {text("phone", 30)}
        {text("bank", 100)}
        {text("account", 40)}
      </div>
      <div className={styles.actions}>
        <Button type="submit" isLoading={form.formState.isSubmitting} data-testid={`${testId}-submit`}>{submitLabel}</Button>
        {onCancel && <Button type="button" variant="ghost" onClick={onCancel}>{t("invoices.card.cancel")}</Button>}
      </div>
    </form>
  );
}
