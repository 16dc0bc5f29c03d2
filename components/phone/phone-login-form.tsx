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
import { SmsLoginFields } from "@/components/auth/sms-login-fields";
import authStyles from "@/components/auth/auth-form.module.css";
import { rememberLoginPhone, useRememberedLoginPhone } from "@/components/auth/remembered-phone";
import { AgreementText } from "@/components/legal/agreement-text";
import { useMessage } from "@/components/forms/use-message";
import { parseAuthError, type ApiError } from "@/components/forms/api-error";
import { useT } from "@/lib/i18n/client";
import { ZPasswordLoginSchema, ZSmsLoginSchema, type TPasswordLogin, type TSmsLogin } from "@/lib/server/auth/auth.types";
import styles from "./phone.module.css";

type Mode = "sms" | "password";

/**
 * The desk's login (same account, same next-auth providers), laid out for a phone: 验证码登录, or
 * 密码登录 for an account that set a password (我的 → 设置 → 登录密码); the same lock after 5 failures.
 */
export function PhoneLoginForm({ next }: { next: string }) {
  const t = useT();
  const msg = useMessage();
  const [mode, setMode] = useState<Mode>("sms");
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<TSmsLogin>({ resolver: zodResolver(ZSmsLoginSchema), defaultValues: { phone: "", code: "" } });
  const pw = useForm<TPasswordLogin>({ resolver: zodResolver(ZPasswordLoginSchema), defaultValues: { phone: "", password: "" } });
  useRememberedLoginPhone(
    (phone) => {
      form.setValue("phone", phone);
      pw.setValue("phone", phone);
    },
    () => !form.getValues("phone"),
  );

  async function submit(provider: Mode, values: Record<string, string>) {
    setError(null);
    const res = await signIn(provider, { ...values, redirect: false });
    if (!res || res.error) return setError(parseAuthError(res?.error ?? "internal"));
    rememberLoginPhone(values.phone);
    window.location.assign(next);
  }
  const switchTo = (m: Mode) => {
    // The number typed in one tab follows to the other.
    if (m === "password" && !pw.getValues("phone")) pw.setValue("phone", form.getValues("phone"));
    if (m === "sms" && !form.getValues("phone")) form.setValue("phone", pw.getValues("phone"));
    setMode(m);
    setError(null);
    setNotice(null);
  };

  return (
    <Card>
      <div role="tablist" className={authStyles.tabs} style={{ marginBottom: "var(--space-4)" }}>
        {(["sms", "password"] as const).map((m) => (
          <button key={m} type="button" role="tab" aria-selected={mode === m} className={mode === m ? authStyles.tabActive : authStyles.tab} onClick={() => switchTo(m)} data-testid={`login-tab-${m}`}>
            {m === "sms" ? t("auth.login.tabSms") : t("auth.login.tabPassword")}
          </button>
        ))}
      </div>
      {mode === "sms" ? (
        <form noValidate onSubmit={form.handleSubmit((v) => submit("sms", v))} className={styles.form}>
          <Alert tone="error" data-testid="form-error">{error?.message}</Alert>
          {notice && <Alert tone="success" data-testid="form-notice">{notice}</Alert>}
          <SmsLoginFields form={form} onNotice={setNotice} onError={setError} />
          <Button type="submit" block size="lg" isLoading={form.formState.isSubmitting} data-testid="login">
            {t("auth.login.submit")}
          </Button>
          <p className={styles.note} data-testid="login-agreement">
            <AgreementText text={t("auth.login.agreement")} />
          </p>
        </form>
      ) : (
        <form noValidate onSubmit={pw.handleSubmit((v) => submit("password", v))} className={styles.form}>
          <Alert tone="error" data-testid="form-error">{error?.message}</Alert>
          <Field label={t("auth.login.phone")} error={msg(pw.formState.errors.phone?.message)} isRequired>
            <Input {...pw.register("phone")} inputMode="numeric" autoComplete="username" maxLength={11} placeholder={t("auth.login.phonePlaceholder")} data-testid="password-phone" />
          </Field>
          <Field label={t("auth.login.password")} error={msg(pw.formState.errors.password?.message)} isRequired>
            <Input {...pw.register("password")} type="password" autoComplete="current-password" data-testid="password" />
          </Field>
          <Button type="submit" block size="lg" isLoading={pw.formState.isSubmitting} data-testid="password-login">
            {t("auth.login.submit")}
          </Button>
          <a href="/login/forgot" className={styles.note}>{t("auth.login.forgot")}</a>
          <p className={styles.note} data-testid="login-agreement">
            <AgreementText text={t("auth.login.agreement")} />
          </p>
        </form>
      )}
    </Card>
  );
}
