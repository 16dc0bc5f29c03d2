"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useT } from "@/lib/i18n/client";
import { useMessage } from "@/components/forms/use-message";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import type { ApiError } from "@/components/forms/api-error";
import { ZResetPasswordSchema, type TResetPassword } from "@/lib/server/auth/auth.types";
import { resetPasswordAction } from "@/lib/actions/auth/reset-password-actions";
import { SendCodeButton } from "./send-code-button";
import styles from "./auth-form.module.css";

export function ResetPasswordForm() {
  const t = useT();
  const msg = useMessage();
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm<TResetPassword>({ resolver: zodResolver(ZResetPasswordSchema), defaultValues: { phone: "", code: "", password: "", confirm: "" } });
  const errors = form.formState.errors;

  async function onSubmit(values: TResetPassword) {
    setError(null);
    const res = await resetPasswordAction(values);
    if (res.ok) return setDone(true);
    applyFieldErrors(form.setError, res.error);
    setError(res.error);
  }

  if (done) {
    return (
      <div className={styles.form}>
        <Alert tone="success" data-testid="form-notice">{t("auth.forgot.done")}</Alert>
        <Link href="/login">{t("auth.forgot.backToLogin")}</Link>
      </div>
    );
  }
  return (
    <form method="post" noValidate onSubmit={form.handleSubmit(onSubmit)} className={styles.fields}>
      <Alert tone="error" data-testid="form-error">{error?.message}</Alert>
      <Field label={t("auth.login.phone")} error={msg(errors.phone?.message)} isRequired>
        <Input {...form.register("phone")} inputMode="numeric" autoComplete="tel" maxLength={11} />
      </Field>
      <Field label={t("auth.login.code")} error={msg(errors.code?.message)} isRequired>
        {(control) => (
          <div className={styles.codeRow}>
            <Input {...control} {...form.register("code")} inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
            <SendCodeButton purpose="RESET_PASSWORD" phone={() => form.getValues("phone").trim()} canSend={() => form.trigger("phone")} onSent={() => setError(null)} onError={setError} />
          </div>
        )}
      </Field>
      <Field label={t("auth.account.newPassword")} hint={t("auth.account.passwordHint")} error={msg(errors.password?.message)} isRequired>
        <Input {...form.register("password")} type="password" autoComplete="new-password" />
      </Field>
      <Field label={t("auth.account.confirmPassword")} error={msg(errors.confirm?.message)} isRequired>
        <Input {...form.register("confirm")} type="password" autoComplete="new-password" />
      </Field>
      <Button type="submit" block size="lg" isLoading={form.formState.isSubmitting}>
        {t("auth.forgot.submit")}
      </Button>
    </form>
  );
}
