"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useMessage } from "@/components/forms/use-message";
import { useT } from "@/lib/i18n/client";
import { changePinOnPhone } from "@/lib/phone/change-pin";
import { ZChangePinSchema, type TChangePin } from "@/lib/server/keys/keys.types";
import { PinInput } from "./pin-input";
import { usePhoneError } from "./use-phone-error";
import styles from "./phone.module.css";

/**
 * 修改PIN: old PIN, new PIN twice. The server stages a new W and refreshed shares, this phone
 * re-wraps its share under the new W and the new PIN confirms (lib/phone/change-pin.ts).
 */
export function ChangePinForm({ keyShareId, backHref }: { keyShareId: string; backHref: string }) {
  const t = useT();
  const msg = useMessage();
  const describe = usePhoneError();
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<TChangePin>({ resolver: zodResolver(ZChangePinSchema), defaultValues: { oldPin: "", pin: "", confirm: "" } });
  const e = form.formState.errors;

  const onSubmit = form.handleSubmit(async (values) => {
    setResult(null);
    try {
      await changePinOnPhone({ keyShareId, ...values });
      form.reset();
      setResult({ tone: "success", text: t("phone.pin.changed") });
    } catch (err) {
      setResult({ tone: "error", text: describe(err) });
    }
  });

  if (result?.tone === "success") {
    return (
      <div className={styles.form}>
        <Alert tone="success" data-testid="form-result">{result.text}</Alert>
        <ButtonLink href={backHref} block>{t("review.common.back")}</ButtonLink>
      </div>
    );
  }
  return (
    <form noValidate onSubmit={onSubmit} className={styles.form}>
      <Alert tone="error" data-testid="form-result">{result?.text}</Alert>
      <Field label={t("phone.pin.oldPin")} error={msg(e.oldPin?.message)} isRequired>
        <PinInput {...form.register("oldPin")} data-testid="old-pin" />
      </Field>
      <Field label={t("phone.pin.newPin")} error={msg(e.pin?.message)} isRequired>
        <PinInput {...form.register("pin")} data-testid="new-pin" />
      </Field>
      <Field label={t("phone.pin.confirm")} error={msg(e.confirm?.message)} isRequired>
        <PinInput {...form.register("confirm")} data-testid="confirm-pin" />
      </Field>
      <Button type="submit" block size="lg" isLoading={form.formState.isSubmitting} data-testid="submit">{t("phone.pin.changeSubmit")}</Button>
    </form>
  );
}
