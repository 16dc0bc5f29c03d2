"use client";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { AgreementText } from "@/components/legal/agreement-text";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useMessage } from "@/components/forms/use-message";
import { useT } from "@/lib/i18n/client";
import { ZSignApplicationSchema, type TSignApplication } from "@/lib/server/orders/sign-application.types";
import { sendSignCodeAction, signApplicationAction } from "@/lib/actions/orders/sign-actions";
import { useStepAction } from "./use-step-action";
import styles from "./wizard.module.css";

/** Step 6: the agreement, an SMS code to the handler's phone, and the signature that submits the order. */
export function SignForm({ orderId, maskedPhone, agreementTitle, agreementText, backHref }: { orderId: string; maskedPhone: string; agreementTitle: string; agreementText: string; backHref: string }) {
  const t = useT();
  const msg = useMessage();
  const form = useForm<TSignApplication>({ resolver: zodResolver(ZSignApplicationSchema) as never, defaultValues: { code: "" } });
  const { run, go, error, isBusy } = useStepAction(form);
  const [wait, setWait] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);

  useEffect(() => {
    if (wait <= 0) return;
    const id = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(id);
  }, [wait]);

  async function sendCode() {
    setSending(true);
    const data = await run(() => sendSignCodeAction(orderId));
    setSending(false);
    if (!data) return;
    setWait(data.resendAfter);
    setNotice(t("wizard.sign.codeSent", { phone: data.phone }));
  }

  const submit = form.handleSubmit(async (values) => {
    const data = await run(() => signApplicationAction(orderId, values));
    if (data) go(data.nextPath);
  });

  return (
    <form noValidate onSubmit={submit} className={styles.form}>
      <h2 className={styles.legend}>{agreementTitle}</h2>
      <p className={styles.agreement} tabIndex={0}>{agreementText}</p>
      <Alert tone="error" data-testid="form-error">{error}</Alert>
      {notice && <Alert tone="success" data-testid="form-notice">{notice}</Alert>}
      <dl className={styles.dl}>
        <dt>{t("wizard.sign.phone")}</dt>
        <dd>{maskedPhone}</dd>
      </dl>
      <Field label={t("wizard.sign.code")} error={msg(form.formState.errors.code?.message)} isRequired>
        {(control) => (
          <div className={styles.codeRow}>
            <Input {...control} {...form.register("code")} inputMode="numeric" autoComplete="one-time-code" maxLength={6} data-testid="sign-code" />
            <Button variant="outline" onClick={sendCode} isLoading={isSending} disabled={wait > 0} data-testid="send-sign-code">
              {wait > 0 ? t("wizard.sign.resendIn", { seconds: wait }) : t("wizard.sign.sendCode")}
            </Button>
          </div>
        )}
      </Field>
      <Checkbox label={<AgreementText text={t("wizard.sign.agree")} />} {...form.register("agreed")} error={msg(form.formState.errors.agreed?.message)} data-testid="sign-agree" />
      <div className={styles.actions}>
        <ButtonLink href={backHref} variant="outline">{t("wizard.back")}</ButtonLink>
        <Button type="submit" size="lg" isLoading={isBusy && !isSending} data-testid="sign-submit">{t("wizard.sign.submit")}</Button>
      </div>
    </form>
  );
}
