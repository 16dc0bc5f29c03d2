"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { useMessage } from "@/components/forms/use-message";
import { useT } from "@/lib/i18n/client";
import { addFreeSubjectAction, removeFreeSubjectAction } from "@/lib/actions/channels/free-subject-actions";
import { ZAddFreeSubjectSchema, type FreeSubjectView, type TAddFreeSubject } from "@/lib/server/channels/free-subjects.types";
import styles from "./console.module.css";
import freeStyles from "./free-subjects.module.css";

/** 免费条件 on the channel page: the free list, 添加 (USCC or ID number with the reason) and 移除. */
export function FreeSubjectsCard({ channelId, subjects }: { channelId: string; subjects: FreeSubjectView[] }) {
  const t = useT();
  const msg = useMessage();
  const router = useRouter();
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TAddFreeSubject>({ resolver: zodResolver(ZAddFreeSubjectSchema), defaultValues: { subjectKey: "", note: "" } });
  const errors = form.formState.errors;
  const add = form.handleSubmit(async (values) => {
    setError(null);
    const res = await addFreeSubjectAction(channelId, values);
    if (!res.ok) {
      if (!applyFieldErrors(form.setError, res.error)) setError(res.error.message);
      return;
    }
    form.reset();
    setNotice(t("freeSubjects.added", { key: res.data.subjectKeyShown }));
    router.refresh();
  });
  async function remove(s: FreeSubjectView) {
    const res = await removeFreeSubjectAction(channelId, s.id);
    if (!res.ok) return setError(res.error.message);
    setNotice(t("freeSubjects.removed", { key: s.subjectKeyShown }));
    router.refresh();
  }
  return (
    <div className={styles.stack} data-testid="free-subjects">
      <p className={styles.muted}>{t("freeSubjects.lead")}</p>
      {notice && <Alert tone="success" data-testid="free-subjects-notice">{notice}</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
      {subjects.length === 0 ? (
        <p className={styles.muted}>{t("freeSubjects.empty")}</p>
      ) : (
        <ul className={freeStyles.list}>
          {subjects.map((s) => (
            <li key={s.id} className={freeStyles.item} data-testid="free-subject">
              <Badge tone="info">{t(`freeSubjects.kinds.${s.kind}`)}</Badge>
              <span className={styles.mono}>{s.subjectKeyShown}</span>
              <span className={freeStyles.note}>{s.note}</span>
              <Button size="sm" variant="ghost" onClick={() => remove(s)} data-testid="free-subject-remove">{t("freeSubjects.remove")}</Button>
            </li>
          ))}
        </ul>
      )}
      <form noValidate onSubmit={add} className={freeStyles.form} data-testid="free-subject-form">
        <Field label={t("freeSubjects.key")} error={msg(errors.subjectKey?.message)} isRequired>
          <Input {...form.register("subjectKey")} maxLength={24} data-testid="free-subject-key" />
        </Field>
        <Field label={t("freeSubjects.note")} error={msg(errors.note?.message)} isRequired>
          <Input {...form.register("note")} maxLength={100} placeholder={t("freeSubjects.notePlaceholder")} data-testid="free-subject-note" />
        </Field>
        <div className={freeStyles.submit}>
          <Button type="submit" variant="secondary" isLoading={form.formState.isSubmitting} data-testid="free-subject-add">{t("freeSubjects.add")}</Button>
        </div>
      </form>
    </div>
  );
}
