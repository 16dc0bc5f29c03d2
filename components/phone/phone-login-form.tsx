"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SendCodeButton } from "@/components/auth/send-code-button";
import { rememberLoginPhone, useRememberedLoginPhone } from "@/components/auth/remembered-phone";
import { useMessage } from "@/components/forms/use-message";
import { parseAuthError, type ApiError } from "@/components/forms/api-error";
import { useT } from "@/lib/i18n/client";
import { ZSmsLoginSchema, type TSmsLogin } from "@/lib/server/auth/auth.types";
import { AgreementText } from "@/components/legal/agreement-text";
import styles from "./phone.module.css";

/** The desk's SMS login (same account, same next-auth provider), laid out for a phone. */
export function PhoneLoginForm({ next }: { next: string }) {
  const t = useT();
  const msg = useMessage();
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<TSmsLogin>({ resolver: zodResolver(ZSmsLoginSchema), defaultValues: { phone: "", code: "" } });
  useRememberedLoginPhone((phone) => form.setValue("phone", phone), () => !form.getValues("phone"));

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const res = await signIn("sms", { ...values, redirect: false });
    if (!res || res.error) return setError(parseAuthError(res?.error ?? "internal"));
    rememberLoginPhone(values.phone);
    window.location.assign(next);
  });

  return (
    <Card>
      <form noValidate onSubmit={onSubmit} className={styles.form}>
        <Alert tone="error" data-testid="form-error">{error?.message}</Alert>
        {notice && <Alert tone="success" data-testid="form-notice">{notice}</Alert>}
        <Field label={t("auth.login.phone")} error={msg(form.formState.errors.phone?.message)} isRequired>
          <Input {...form.register("phone")} inputMode="numeric" autoComplete="tel" maxLength={11} placeholder={t("auth.login.phonePlaceholder")} data-testid="phone" />
        </Field>
        <Field label={t("auth.login.code")} error={msg(form.formState.errors.code?.message)} isRequired>
          {(control) => (
            <div className={styles.codeRow}>
              <Input {...control} {...form.register("code")} inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder={t("auth.login.codePlaceholder")} data-testid="code" />
              <SendCodeButton
                purpose="LOGIN"
                phone={() => form.getValues("phone").trim()}
                phoneValue={form.watch("phone")}
                onRestore={(p) => !form.getValues("phone") && form.setValue("phone", p)}
                canSend={() => form.trigger("phone")}
                onSent={(p) => {
                  setError(null);
                  setNotice(t("auth.login.codeSent", { phone: p.replace(/^(\d{3})\d{4}(\d{4})$/, "$1****$2") }));
                }}
                onError={setError}
              />
            </div>
          )}
        </Field>
        <Button type="submit" block size="lg" isLoading={form.formState.isSubmitting} data-testid="login">
          {t("auth.login.submit")}
        </Button>
        <p className={styles.note} data-testid="login-agreement">
          <AgreementText text={t("auth.login.agreement")} />
        </p>
      </form>
    </Card>
  );
}
