"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useT } from "@/lib/i18n/client";
import { useMessage } from "@/components/forms/use-message";
import { parseAuthError, type ApiError } from "@/components/forms/api-error";
import { ZPasswordLoginSchema, ZSmsLoginSchema, type TPasswordLogin, type TSmsLogin } from "@/lib/server/auth/auth.types";
import { useHydrated } from "@/components/forms/use-hydrated";
import { SmsLoginFields } from "./sms-login-fields";
import { PasskeyLoginButton } from "./passkey-login-button";
import { rememberLoginPhone, useRememberedLoginPhone } from "./remembered-phone";
import { AgreementText } from "@/components/legal/agreement-text";
import styles from "./auth-form.module.css";

type Mode = "sms" | "password";

export function LoginForm({ next }: { next: string }) {
  const t = useT();
  const msg = useMessage();
  const hydrated = useHydrated();
  const [mode, setMode] = useState<Mode>("sms");
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const sms = useForm<TSmsLogin>({ resolver: zodResolver(ZSmsLoginSchema), defaultValues: { phone: "", code: "" } });
  const pw = useForm<TPasswordLogin>({ resolver: zodResolver(ZPasswordLoginSchema), defaultValues: { phone: "", password: "" } });
  useRememberedLoginPhone(
    (phone) => {
      sms.setValue("phone", phone);
      pw.setValue("phone", phone);
    },
    () => !sms.getValues("phone") && !pw.getValues("phone"),
  );

  async function submit(provider: Mode, values: Record<string, string>) {
    setError(null);
    const res = await signIn(provider, { ...values, redirect: false });
    if (!res || res.error) {
      setError(parseAuthError(res?.error ?? "internal"));
      return;
    }
    rememberLoginPhone(values.phone ?? "");
    // A full navigation so server components render with the new session.
    window.location.assign(next);
  }

  const switchTo = (m: Mode) => {
    setMode(m);
    setError(null);
    setNotice(null);
  };

  return (
    <div className={styles.form} data-hydrated={hydrated || undefined}>
      <div role="tablist" className={styles.tabs}>
        {(["sms", "password"] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="tab"
            aria-selected={mode === m}
            className={mode === m ? styles.tabActive : styles.tab}
            onClick={() => switchTo(m)}
          >
            {m === "sms" ? t("auth.login.tabSms") : t("auth.login.tabPassword")}
          </button>
        ))}
      </div>

      <Alert tone="error" data-testid="form-error">{error?.message}</Alert>
      {notice && <Alert tone="success" data-testid="form-notice">{notice}</Alert>}

      {mode === "sms" ? (
        <form method="post" noValidate onSubmit={sms.handleSubmit((v) => submit("sms", v))} className={styles.fields}>
          <SmsLoginFields form={sms} onNotice={setNotice} onError={setError} />
          <Button type="submit" block size="lg" isLoading={sms.formState.isSubmitting}>
            {t("auth.login.submit")}
          </Button>
        </form>
      ) : (
        <form method="post" noValidate onSubmit={pw.handleSubmit((v) => submit("password", v))} className={styles.fields}>
          <Field label={t("auth.login.phone")} error={msg(pw.formState.errors.phone?.message)} isRequired>
            <Input {...pw.register("phone")} inputMode="numeric" autoComplete="username" maxLength={11} placeholder={t("auth.login.phonePlaceholder")} />
          </Field>
          <Field label={t("auth.login.password")} error={msg(pw.formState.errors.password?.message)} isRequired>
            <Input {...pw.register("password")} type="password" autoComplete="current-password" />
          </Field>
          <Button type="submit" block size="lg" isLoading={pw.formState.isSubmitting}>
            {t("auth.login.submit")}
          </Button>
          <Link href="/login/forgot" className={styles.link}>
            {t("auth.login.forgot")}
          </Link>
        </form>
      )}
      <PasskeyLoginButton next={next} onError={setError} />
      <p className={styles.small} data-testid="login-agreement">
        <AgreementText text={t("auth.login.agreement")} />
      </p>
    </div>
  );
}
