"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SelectField, TextField } from "@/components/wizard/text-field";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { useMessage } from "@/components/forms/use-message";
import { useLocale, useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { ID_TYPES } from "@/lib/server/orders/order-fields.types";
import { ZVerifyAccountRealNameSchema, type AccountRealName, type TVerifyAccountRealName } from "@/lib/server/identity/verify-account-real-name.types";
import { verifyAccountRealNameAction } from "@/lib/actions/identity/real-name-actions";
import styles from "./real-name-form.module.css";

type Result = { tone: "success" | "error"; title: string; body?: string };

/**
 * 实名认证 of the signed-in account (desk /account, phone /m/me/real-name): the status, and the form
 * (name, ID type and number; the number checked is the account's own, shown masked). A verified
 * account shows the verified name and masked ID; verifying again is offered with the same person.
 */
export function RealNameForm({ account: initial, phoneMasked, orgHref, variant = "desk" }: { account: AccountRealName; phoneMasked: string; orgHref: string; variant?: "desk" | "phone" }) {
  const t = useT();
  const msg = useMessage();
  const locale = useLocale();
  const router = useRouter();
  const [account, setAccount] = useState(initial);
  const [isEditing, setIsEditing] = useState(!initial.isVerified);
  const [result, setResult] = useState<Result | null>(null);
  const form = useForm<TVerifyAccountRealName>({
    resolver: zodResolver(ZVerifyAccountRealNameSchema) as never,
    defaultValues: { name: initial.realName ?? "", idType: "RESIDENT_ID", idNumber: "" },
  });

  const submit = form.handleSubmit(async (values) => {
    setResult(null);
    const res = await verifyAccountRealNameAction(values);
    if (!res.ok) {
      // Field messages go next to their fields; a refusal (another person, a submission in flight, the limit) above the form.
      if (!applyFieldErrors(form.setError, res.error)) setResult({ tone: "error", title: res.error.message });
      return;
    }
    setAccount(res.data.account);
    if (res.data.status === "PASSED") {
      setIsEditing(false);
      form.reset({ name: res.data.account.realName ?? values.name, idType: values.idType, idNumber: "" });
      setResult({ tone: "success", title: t("identity.realName.passedTitle"), body: t("identity.realName.passedBody") });
      router.refresh();
    } else {
      const reason = res.data.failReason ?? "provider_failed";
      setResult({ tone: "error", title: t("identity.realName.failedTitle"), body: msg(`identity.failReason.${reason}`) });
    }
  });

  const verifiedAt = account.verifiedAt
    ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }).format(new Date(account.verifiedAt))
    : null;

  return (
    <div className={[styles.section, variant === "phone" ? styles.phone : ""].join(" ")} data-testid="real-name">
      <dl className={styles.facts}>
        <dt>{t("identity.realName.status")}</dt>
        <dd>
          <Badge tone={account.isVerified ? "success" : "warning"}>
            <span data-testid="real-name-status">{t(account.isVerified ? "identity.realName.verified" : "identity.realName.notVerified")}</span>
          </Badge>
        </dd>
        {account.isVerified && (
          <>
            <dt>{t("identity.realName.name")}</dt>
            <dd data-testid="real-name-name">{account.realName}</dd>
            <dt>{t("identity.realName.idNumber")}</dt>
            <dd data-testid="real-name-id">{account.idNumberMasked}</dd>
            <dt>{t("identity.realName.verifiedAt")}</dt>
            <dd>{verifiedAt}</dd>
          </>
        )}
      </dl>

      <Alert tone={result?.tone ?? "info"} title={result?.title} data-testid="real-name-result">
        {result?.body}
      </Alert>

      {isEditing ? (
        <form noValidate onSubmit={submit} className={styles.form} data-testid="real-name-form">
          <p className={styles.lead}>{account.isVerified ? t("identity.realName.reverifyHint") : t("identity.realName.lead")}</p>
          <div className={styles.grid}>
            <TextField form={form} name="name" label={t("identity.realName.name")} autoComplete="name" />
            <SelectField form={form} name="idType" label={t("identity.realName.idType")} options={ID_TYPES.map((v) => ({ value: v, label: t(`wizard.idType.${v}` as MessageKey) }))} />
            <TextField form={form} name="idNumber" label={t("identity.realName.idNumber")} hint={t("identity.realName.idNumberHint")} maxLength={18} spellCheck={false} autoComplete="off" />
            <Field label={t("identity.realName.phone")} hint={t("identity.realName.phoneHint")}>
              <Input value={phoneMasked} readOnly data-testid="real-name-phone" />
            </Field>
          </div>
          <div className={styles.actions}>
            <Button type="submit" isLoading={form.formState.isSubmitting} loadingText={t("identity.realName.checking")} data-testid="real-name-submit">
              {t("identity.realName.submit")}
            </Button>
            {account.isVerified && (
              <Button variant="ghost" onClick={() => setIsEditing(false)}>
                {t("identity.realName.cancel")}
              </Button>
            )}
          </div>
        </form>
      ) : (
        <div className={styles.actions}>
          {result?.tone === "success" && <ButtonLink href={orgHref}>{t("identity.realName.toOrg")}</ButtonLink>}
          <Button variant="outline" onClick={() => { setResult(null); setIsEditing(true); }} data-testid="real-name-reverify">
            {t("identity.realName.reverify")}
          </Button>
        </div>
      )}
    </div>
  );
}
