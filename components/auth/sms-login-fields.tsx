"use client";
import type { UseFormReturn } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useMessage } from "@/components/forms/use-message";
import type { ApiError } from "@/components/forms/api-error";
import { useT } from "@/lib/i18n/client";
import type { TSmsLogin } from "@/lib/server/auth/auth.types";
import { SendCodeButton } from "./send-code-button";
import styles from "./auth-form.module.css";

/**
 * 手机号 + 验证码 with 获取验证码 (its resend countdown), for the desk's and the phone's SMS login: one
 * form of fields, so both logins validate, restore a cooldown's number and say 验证码已发送至 the same way.
 */
export function SmsLoginFields({ form, onNotice, onError }: { form: UseFormReturn<TSmsLogin>; onNotice: (text: string) => void; onError: (error: ApiError | null) => void }) {
  const t = useT();
  const msg = useMessage();
  return (
    <>
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
                onError(null);
                onNotice(t("auth.login.codeSent", { phone: p.replace(/^(\d{3})\d{4}(\d{4})$/, "$1****$2") }));
              }}
              onError={onError}
            />
          </div>
        )}
      </Field>
    </>
  );
}
