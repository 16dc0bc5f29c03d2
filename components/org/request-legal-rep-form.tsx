"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import { verifyLegalRepAction } from "@/lib/actions/org/request-actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import styles from "./request-area.module.css";

/** 验证法定代表人身份: the enterprise's USCC; the check uses the registered legal representative and the caller's phone. */
export function RequestLegalRepForm({ orgId }: { orgId: string }) {
  const t = useT();
  const router = useRouter();
  const [uscc, setUscc] = useState("");
  const [error, setError] = useState<{ message: string; fields?: Record<string, string[]> } | null>(null);
  const [isBusy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const res = await verifyLegalRepAction(orgId, uscc);
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setError(null);
    router.refresh();
  }
  return (
    <form className={styles.form} onSubmit={submit} noValidate data-testid="legal-rep-form">
      <Field label={t("orgRequests.join.uscc")} error={error?.fields?.uscc?.[0]} isRequired>
        <Input value={uscc} onChange={(e) => setUscc(e.target.value)} maxLength={18} autoComplete="off" spellCheck={false} />
      </Field>
      {error && !error.fields && <p className={styles.bad} role="status">{error.message}</p>}
      <div className={styles.actions}><Button type="submit" isLoading={isBusy}>{t("orgRequests.legalRep.verify")}</Button></div>
    </form>
  );
}
