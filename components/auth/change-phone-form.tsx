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
import type { ApiError } from "@/components/forms/api-error";
import { ZChangePhoneSchema, type TChangePhone } from "@/lib/server/auth/auth.types";
import { changePhoneAction } from "@/lib/actions/auth/account-actions";
import { SendCodeButton } from "./send-code-button";
import styles from "./auth-form.module.css";

export function ChangePhoneForm({ currentPhone }: { currentPhone: string }) {
  const t = useT();
  const msg = useMessage();
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<TChangePhone>({ resolver: zodResolver(ZChangePhoneSchema), defaultValues: { oldCode: "", newPhone: "", newCode: "" } });
  const errors = form.formState.errors;

  async function onSubmit(values: TChangePhone) {
    setError(null);
    const res = await changePhoneAction(values);
    if (res.ok) return setDone(t("auth.account.phoneChanged", { phone: res.data.phone }));
    if (!applyFieldErrors(form.setError, res.error)) setError(res.error);
  }

  if (done) return <Alert tone="success" data-testid="phone-result">{done}</Alert>;
  return (
    <form method="post" noValidate onSubmit={form.handleSubmit(onSubmit)} className={styles.fields} data-testid="phone-form">
      <Alert tone="error" data-testid="phone-error">{error?.message}</Alert>
      <Field label={t("auth.account.oldCode")} error={msg(errors.oldCode?.message)} isRequired>
        {(control) => (
          <div className={styles.codeRow}>
            <Input {...control} {...form.register("oldCode")} inputMode="numeric" maxLength={6} />
            <SendCodeButton testId="send-old-code" purpose="CHANGE_PHONE_OLD" phone={() => currentPhone} canSend={async () => true} onSent={() => setError(null)} onError={setError} />
          </div>
        )}
      </Field>
      <Field label={t("auth.account.newPhone")} error={msg(errors.newPhone?.message)} isRequired>
        <Input {...form.register("newPhone")} inputMode="numeric" maxLength={11} />
      </Field>
      <Field label={t("auth.account.newCode")} error={msg(errors.newCode?.message)} isRequired>
        {(control) => (
          <div className={styles.codeRow}>
            <Input {...control} {...form.register("newCode")} inputMode="numeric" maxLength={6} />
            <SendCodeButton testId="send-new-code" purpose="CHANGE_PHONE_NEW" phone={() => form.getValues("newPhone").trim()} canSend={() => form.trigger("newPhone")} onSent={() => setError(null)} onError={setError} />
          </div>
        )}
      </Field>
      <div>
        <Button type="submit" isLoading={form.formState.isSubmitting}>
          {t("auth.account.changePhone")}
        </Button>
      </div>
    </form>
  );
}
