"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FileButton } from "@/components/ui/file-button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { useMessage } from "@/components/forms/use-message";
import { useT } from "@/lib/i18n/client";
import { FEEDBACK_TOPICS, MAX_FEEDBACK_SCREENSHOT_BYTES } from "@/lib/server/support/feedback.types";
import controlStyles from "@/components/ui/control.module.css";
import styles from "./phone.module.css";

type FieldErrors = Partial<Record<"topic" | "body" | "file", string>>;

/**
 * 提交反馈: topic, description and an optional screenshot, sent as multipart to POST /api/feedback
 * (the server judges the picture by its content; the size is checked here first only to spare the upload).
 */
export function FeedbackForm() {
  const t = useT();
  const msg = useMessage();
  const router = useRouter();
  // A new key empties the file button after a send.
  const [fileKey, setFileKey] = useState(0);
  const [topic, setTopic] = useState<string>("APP");
  const [body, setBody] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [isBusy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const local: FieldErrors = {};
    if (body.trim().length < 10 || body.trim().length > 1000) local.body = "me.feedback.errors.bodyLength";
    if (file && file.size > MAX_FEEDBACK_SCREENSHOT_BYTES) local.file = "me.feedback.errors.screenshotTooLarge";
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    const data = new FormData();
    data.set("topic", topic);
    data.set("body", body);
    if (file) data.set("file", file);
    setBusy(true);
    const res = await fetch("/api/feedback", { method: "POST", body: data }).catch(() => null);
    setBusy(false);
    if (!res) return setError(t("me.feedback.errors.network"));
    if (!res.ok) {
      const answer = (await res.json().catch(() => ({}))) as { error?: { message?: string; fields?: Record<string, string[]> } };
      const fields = answer.error?.fields ?? {};
      setErrors({ topic: fields.topic?.[0], body: fields.body?.[0], file: fields.file?.[0] });
      if (Object.keys(fields).length === 0) setError(answer.error?.message ?? res.statusText);
      return;
    }
    setBody("");
    setFile(null);
    setFileKey((k) => k + 1);
    setDone(true);
    router.refresh();
  }

  return (
    <form noValidate onSubmit={submit} className={styles.form} data-testid="feedback-form">
      {done && <Alert tone="success" data-testid="feedback-done">{t("me.feedback.submitted")}</Alert>}
      <Alert tone="error">{error}</Alert>
      <Field label={t("me.feedback.topic")} error={msg(errors.topic)} isRequired>
        <Select value={topic} onChange={(e) => setTopic(e.target.value)} options={FEEDBACK_TOPICS.map((v) => ({ value: v, label: t(`me.feedback.topics.${v}`) }))} data-testid="feedback-topic" />
      </Field>
      <Field label={t("me.feedback.body")} hint={t("me.feedback.bodyHint")} error={msg(errors.body)} isRequired>
        <textarea className={controlStyles.control} rows={5} maxLength={1000} value={body} onChange={(e) => setBody(e.target.value)} data-testid="feedback-body" />
      </Field>
      <Field label={t("me.feedback.screenshot")} hint={t("me.feedback.screenshotHint")} error={msg(errors.file)}>
        <FileButton key={fileKey} accept="image/jpeg,image/png" data-testid="feedback-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </Field>
      <Button type="submit" block isLoading={isBusy} data-testid="feedback-submit">{t("me.feedback.submit")}</Button>
    </form>
  );
}
