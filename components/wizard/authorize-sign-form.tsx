"use client";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useMessage } from "@/components/forms/use-message";
import { useT } from "@/lib/i18n/client";
import { ZSignAuthorizationSchema, type TSignAuthorization } from "@/lib/server/orders/sign-authorization.types";
import { sendAuthorizationCodeAction, signAuthorizationAction } from "@/lib/actions/authorization/authorize-actions";
import { useStepAction } from "./use-step-action";
import styles from "./wizard.module.css";

/** The legal representative confirms with a code to their own phone, then signs. */
export function AuthorizeSignForm({ token, maskedPhone }: { token: string; maskedPhone: string }) {
  const t = useT();
  const msg = useMessage();
  const form = useForm<TSignAuthorization>({ resolver: zodResolver(ZSignAuthorizationSchema) as never, defaultValues: { code: "" } });
  const { run, error, isBusy } = useStepAction(form);
  const [wait, setWait] = useState(0);
  const [isSigned, setSigned] = useState(false);

  useEffect(() => {
    if (wait <= 0) return;
    const id = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(id);
  }, [wait]);

  async function sendCode() {
    const data = await run(() => sendAuthorizationCodeAction(token));
    if (data) setWait(data.resendAfter);
  }
  const submit = form.handleSubmit(async (values) => {
    const data = await run(() => signAuthorizationAction(token, values));
    if (data) setSigned(true);
  });

  if (isSigned) {
    return (
      <Alert tone="success" title={t("wizard.authorization.signedTitle")} data-testid="auth-signed">
        {t("wizard.authorization.signedBody")}
      </Alert>
    );
  }
  return (
    <form noValidate onSubmit={submit} className={styles.form}>
      <Alert tone="error" data-testid="form-error">{error}</Alert>
      <Field label={t("wizard.authorization.codeLabel")} hint={t("wizard.authorization.codeSentTo", { phone: maskedPhone })} error={msg(form.formState.errors.code?.message)} isRequired>
        {(control) => (
          <div className={styles.codeRow}>
            <Input {...control} {...form.register("code")} inputMode="numeric" autoComplete="one-time-code" maxLength={6} data-testid="auth-code" />
            <Button variant="outline" onClick={sendCode} disabled={wait > 0} data-testid="auth-send-code">
              {wait > 0 ? t("wizard.authorization.resendIn", { seconds: wait }) : t("wizard.authorization.sendCode")}
            </Button>
          </div>
        )}
      </Field>
      <Checkbox label={t("wizard.authorization.agree")} {...form.register("agreed")} error={msg(form.formState.errors.agreed?.message)} data-testid="auth-agree" />
      <Button type="submit" size="lg" block isLoading={isBusy} data-testid="auth-sign">
        {t("wizard.authorization.sign")}
      </Button>
    </form>
  );
}
