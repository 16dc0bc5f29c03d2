"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import type { ApiError } from "@/components/forms/api-error";
import { useMessage } from "@/components/forms/use-message";
import { useT } from "@/lib/i18n/client";
import { consoleReissueInvoiceAction } from "@/lib/actions/payments/console-invoice-actions";
import { ZConsoleReissueSchema, type TConsoleReissue } from "@/lib/server/payments/invoice-fields.types";
import type { InvoiceView } from "@/lib/server/payments/invoices.types";
import styles from "./invoices.module.css";

/** 红冲并重开 from the console: the corrected fields and the reason the buyer will read. */
export function ConsoleReissueForm({ invoice }: { invoice: InvoiceView }) {
  const t = useT();
  const msg = useMessage();
  const router = useRouter();
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const f = invoice.fields;
  const form = useForm<z.input<typeof ZConsoleReissueSchema>, unknown, TConsoleReissue>({
    resolver: zodResolver(ZConsoleReissueSchema),
    defaultValues: { email: f.email, address: f.address ?? "", phone: f.phone ?? "", bank: f.bank ?? "", account: f.account ?? "", note: "" },
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    const res = await consoleReissueInvoiceAction(invoice.id, values);
    if (res.ok) {
      setDone(t("invoices.console.reissued", { number: res.data.number }));
      // The same page shows the order's chain with the new invoice as the current one.
      router.refresh();
      return;
    }
    if (!applyFieldErrors(form.setError, res.error)) setError(res.error);
  });
  if (done) return <Alert tone="success" data-testid="console-reissue-done">{done}</Alert>;
  const text = (name: "address" | "phone" | "bank" | "account") => (
    <Field label={t(`invoices.card.fields.${name}`)} error={msg(errors[name]?.message)}>
      <Input {...form.register(name)} maxLength={200} data-testid={`console-reissue-${name}`} />
    </Field>
  );
  return (
    <form noValidate onSubmit={submit} className={styles.form} data-testid="console-reissue-form">
      <p className={styles.lead}>{t("invoices.console.reissueLead")}</p>
      <Alert tone="error">{error?.message}</Alert>
      <Field label={t("invoices.card.fields.email")} error={msg(errors.email?.message)} isRequired>
        <Input {...form.register("email")} type="email" maxLength={100} data-testid="console-reissue-email" />
      </Field>
      <div className={styles.grid2}>
        {text("address")}
        {text("phone")}
        {text("bank")}
        {text("account")}
      </div>
      <Field label={t("invoices.console.noteLabel")} error={msg(errors.note?.message)} isRequired>
        <Input {...form.register("note")} maxLength={200} data-testid="console-reissue-note" />
      </Field>
      <div>
        <Button type="submit" variant="danger" isLoading={form.formState.isSubmitting} data-testid="console-reissue-submit">{t("invoices.console.submit")}</Button>
      </div>
    </form>
  );
}
