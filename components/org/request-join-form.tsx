"use client";
import { useState, type FormEvent } from "react";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { useLocale, useT } from "@/lib/i18n/client";
import { createJoinRequestAction } from "@/lib/actions/org/request-actions";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import styles from "./request-area.module.css";

type Platform = { id: string; name: string; nameEn: string | null };

/** 加入企业: the enterprise's USCC, its administrator (name + phone), the trading platforms and years wanted. */
export function RequestJoinForm({ uscc, platforms }: { uscc: string; platforms: Platform[] }) {
  const t = useT();
  const locale = useLocale();
  const [values, setValues] = useState({ uscc, adminName: "", adminPhone: "", years: "1" });
  const [platformIds, setPlatformIds] = useState<string[]>([]);
  const [error, setError] = useState<{ message: string; fields?: Record<string, string[]> } | null>(null);
  const [sent, setSent] = useState<{ orgId: string; status: string } | null>(null);
  const [isBusy, setBusy] = useState(false);
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const res = await createJoinRequestAction({ ...values, years: Number(values.years), platformIds });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setError(null);
    setSent({ orgId: res.data.orgId, status: res.data.status });
  }

  if (sent) {
    return (
      <Alert tone="success" data-testid="join-sent">
        <p>{t("orgRequests.join.sent", { status: t(`orgRequests.status.${sent.status}` as MessageKey) })}</p>
        <ButtonLink href={`/org/${sent.orgId}/requests`} size="sm" variant="outline">{t("orgRequests.join.viewRequests")}</ButtonLink>
      </Alert>
    );
  }
  return (
    <form className={styles.form} onSubmit={submit} noValidate data-testid="join-form">
      <Field label={t("orgRequests.join.uscc")} error={error?.fields?.uscc?.[0]} isRequired>
        <Input name="uscc" value={values.uscc} onChange={set("uscc")} maxLength={18} autoComplete="off" spellCheck={false} />
      </Field>
      <div className={styles.row}>
        <Field label={t("orgRequests.join.adminName")} hint={t("orgRequests.join.adminHint")} error={error?.fields?.adminName?.[0]} isRequired>
          <Input name="adminName" value={values.adminName} onChange={set("adminName")} maxLength={50} autoComplete="off" />
        </Field>
        <Field label={t("orgRequests.join.adminPhone")} error={error?.fields?.adminPhone?.[0]} isRequired>
          <Input name="adminPhone" value={values.adminPhone} onChange={set("adminPhone")} inputMode="numeric" maxLength={11} autoComplete="off" />
        </Field>
      </div>
      <fieldset className={styles.form} style={{ border: 0, padding: 0, margin: 0 }}>
        <legend>{t("orgRequests.join.platforms")}</legend>
        <div className={styles.checks}>
          {platforms.map((p) => (
            <Checkbox
              key={p.id}
              name="platformIds"
              value={p.id}
              label={locale === "en" ? (p.nameEn ?? p.name) : p.name}
              checked={platformIds.includes(p.id)}
              onChange={(e) => setPlatformIds(e.target.checked ? [...platformIds, p.id] : platformIds.filter((x) => x !== p.id))}
            />
          ))}
        </div>
        {error?.fields?.platformIds?.[0] && <p className={styles.bad}>{error.fields.platformIds[0]}</p>}
      </fieldset>
      <Field label={t("orgRequests.join.years")} error={error?.fields?.years?.[0]}>
        <Select name="years" value={values.years} onChange={set("years")} options={[1, 2, 3].map((y) => ({ value: String(y), label: t("orgRequests.join.yearsOption", { years: y }) }))} />
      </Field>
      <Alert tone="error" data-testid="join-error">{error && !error.fields ? error.message : null}</Alert>
      <div className={styles.actions}>
        <Button type="submit" isLoading={isBusy}>{t("orgRequests.join.submit")}</Button>
      </div>
    </form>
  );
}
