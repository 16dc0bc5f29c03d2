"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useT } from "@/lib/i18n/client";
import { useMessage } from "@/components/forms/use-message";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { ZSetPasswordSchema, type TSetPassword } from "@/lib/server/auth/auth.types";
import { setPasswordAction } from "@/lib/actions/auth/account-actions";
import { useHydrated } from "@/components/forms/use-hydrated";
import styles from "./auth-form.module.css";

export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const t = useT();
  const msg = useMessage();
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [isSet, setIsSet] = useState(hasPassword);
  const hydrated = useHydrated();
  const form = useForm<TSetPassword>({ resolver: zodResolver(ZSetPasswordSchema), defaultValues: { currentPassword: "", password: "", confirm: "" } });
  const errors = form.formState.errors;

  async function onSubmit(values: TSetPassword) {
    setResult(null);
    const res = await setPasswordAction(values);
    if (!res.ok) {
      if (!applyFieldErrors(form.setError, res.error)) setResult({ tone: "error", text: res.error.message });
      return;
    }
    setIsSet(true);
    form.reset();
    setResult({ tone: "success", text: t("auth.account.passwordSaved") });
  }

  return (
    <form method="post" noValidate onSubmit={form.handleSubmit(onSubmit)} className={styles.fields} data-testid="password-form" data-hydrated={hydrated || undefined}>
      <Alert tone={result?.tone ?? "info"} data-testid="password-result">{result?.text}</Alert>
      {isSet && (
        <Field label={t("auth.account.currentPassword")} error={msg(errors.currentPassword?.message)} isRequired>
          <Input {...form.register("currentPassword")} type="password" autoComplete="current-password" />
        </Field>
      )}
      <Field label={t("auth.account.newPassword")} hint={t("auth.account.passwordHint")} error={msg(errors.password?.message)} isRequired>
        <Input {...form.register("password")} type="password" autoComplete="new-password" />
      </Field>
      <Field label={t("auth.account.confirmPassword")} error={msg(errors.confirm?.message)} isRequired>
        <Input {...form.register("confirm")} type="password" autoComplete="new-password" />
      </Field>
      <div>
        <Button type="submit" isLoading={form.formState.isSubmitting}>
          {isSet ? t("auth.account.changePassword") : t("auth.account.setPassword")}
        </Button>
      </div>
    </form>
  );
}
