"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useT } from "@/lib/i18n/client";
import { deleteOrganizationAction } from "@/lib/actions/org/org-actions";
import styles from "./org-area.module.css";

/** 删除企业: the name typed again, then a last confirmation naming the certificates it revokes. */
export function OrgDeleteForm({ orgId, name, count }: { orgId: string; name: string; count: number }) {
  const t = useT();
  const router = useRouter();
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!window.confirm(t("orgMembers.settings.confirmDelete", { name, count }))) return;
    setBusy(true);
    const res = await deleteOrganizationAction(orgId, typed);
    setBusy(false);
    if (!res.ok) return setError(res.error.fields?.confirmName?.[0] ?? res.error.message);
    router.push("/org");
  }
  return (
    <form className={styles.stack} onSubmit={submit} data-testid="org-delete">
      <Field label={t("orgMembers.settings.confirmLabel", { name })} error={error ?? undefined} isRequired>
        <Input name="confirmName" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" variant="danger" disabled={typed.trim() !== name.trim()} isLoading={isBusy}>{t("orgMembers.settings.delete")}</Button>
      </div>
    </form>
  );
}
