"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useT } from "@/lib/i18n/client";
import { addMemberAction } from "@/lib/actions/org/member-actions";
import styles from "./org-area.module.css";

/** 添加成员: name, ID number and the phone of the person's account. */
export function MembersAddForm({ orgId }: { orgId: string }) {
  const t = useT();
  const router = useRouter();
  const empty = { name: "", idNumber: "", phone: "" };
  const [values, setValues] = useState(empty);
  const [error, setError] = useState<{ message: string; fields?: Record<string, string[]> } | null>(null);
  const [done, setDone] = useState(false);
  const [isBusy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const res = await addMemberAction(orgId, values);
    setBusy(false);
    if (!res.ok) {
      setDone(false);
      return setError(res.error);
    }
    setError(null);
    setDone(true);
    setValues(empty);
    router.refresh();
  }
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) => setValues({ ...values, [k]: e.target.value });
  return (
    <form className={styles.form} onSubmit={submit} data-testid="member-add">
      <Field label={t("orgMembers.members.name")} error={error?.fields?.name?.[0]} isRequired>
        <Input name="name" value={values.name} onChange={set("name")} maxLength={40} autoComplete="off" />
      </Field>
      <Field label={t("orgMembers.members.idNumber")} error={error?.fields?.idNumber?.[0]} isRequired>
        <Input name="idNumber" value={values.idNumber} onChange={set("idNumber")} maxLength={18} autoComplete="off" spellCheck={false} />
      </Field>
      <Field label={t("orgMembers.members.phone")} error={error?.fields?.phone?.[0]} isRequired>
        <Input name="phone" value={values.phone} onChange={set("phone")} inputMode="numeric" maxLength={11} autoComplete="off" />
      </Field>
      <Button type="submit" isLoading={isBusy}>{t("orgMembers.members.add")}</Button>
      {error && !error.fields && <p className={styles.error} role="status">{error.message}</p>}
      {done && <p className={styles.ok} role="status">{t("orgMembers.members.added")}</p>}
    </form>
  );
}
