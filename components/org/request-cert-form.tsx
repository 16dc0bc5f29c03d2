"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useT } from "@/lib/i18n/client";
import { createCertRequestAction } from "@/lib/actions/org/request-actions";
import { Button, ButtonLink } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import styles from "./request-area.module.css";

type Platform = { id: string; name: string; nameEn: string | null };

/** 申领企业证书 for oneself: an authorized member gets the order at once, others a request to the administrator. */
export function RequestCertForm({ orgId, platforms }: { orgId: string; platforms: Platform[] }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const [platformIds, setPlatformIds] = useState<string[]>([]);
  const [years, setYears] = useState("1");
  const [error, setError] = useState<{ message: string; fields?: Record<string, string[]> } | null>(null);
  const [done, setDone] = useState<{ orderId: string | null } | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const res = await createCertRequestAction({ orgId, platformIds, years: Number(years) });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setError(null);
    setDone({ orderId: res.data.orderId });
    router.refresh();
  }
  if (done) {
    return done.orderId ? (
      <div className={styles.actions} data-testid="cert-request-done">
        <p className={styles.ok}>{t("orgRequests.requests.certDirect")}</p>
        <ButtonLink href={`/orders/${done.orderId}`} size="sm">{t("orgRequests.requests.viewOrder")}</ButtonLink>
      </div>
    ) : (
      <p className={styles.ok} data-testid="cert-request-done">{t("orgRequests.requests.certSent")}</p>
    );
  }
  return (
    <form className={styles.form} onSubmit={submit} noValidate data-testid="cert-request-form">
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend>{t("orgRequests.join.platforms")}</legend>
        <div className={styles.checks}>
          {platforms.map((p) => (
            <Checkbox key={p.id} label={locale === "en" ? (p.nameEn ?? p.name) : p.name} checked={platformIds.includes(p.id)}
              onChange={(e) => setPlatformIds(e.target.checked ? [...platformIds, p.id] : platformIds.filter((x) => x !== p.id))} />
          ))}
        </div>
        {error?.fields?.platformIds?.[0] && <p className={styles.bad}>{error.fields.platformIds[0]}</p>}
      </fieldset>
      <Field label={t("orgRequests.join.years")} error={error?.fields?.years?.[0]}>
        <Select value={years} onChange={(e) => setYears(e.target.value)} options={[1, 2, 3].map((y) => ({ value: String(y), label: t("orgRequests.join.yearsOption", { years: y }) }))} />
      </Field>
      {error && !error.fields && <p className={styles.bad} role="status">{error.message}</p>}
      <div className={styles.actions}><Button type="submit" isLoading={isBusy}>{t("orgRequests.requests.certSubmit")}</Button></div>
    </form>
  );
}
