"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useMessage } from "@/components/forms/use-message";
import { useT } from "@/lib/i18n/client";
import { answerFeedbackAction } from "@/lib/actions/support/feedback-actions";
import controlStyles from "@/components/ui/control.module.css";
import styles from "./console.module.css";

/** The console's answer to one feedback (sent once; the user sees it in 我的反馈 and under 消息). */
export function FeedbackAnswerForm({ feedbackId }: { feedbackId: string }) {
  const t = useT();
  const msg = useMessage();
  const router = useRouter();
  const [answer, setAnswer] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [isBusy, setBusy] = useState(false);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setFieldError(undefined);
    setBusy(true);
    const res = await answerFeedbackAction(feedbackId, { answer });
    setBusy(false);
    if (!res.ok) {
      const f = res.error.fields?.answer?.[0];
      return f ? setFieldError(f) : setError(res.error.message);
    }
    router.refresh();
  }
  return (
    <form noValidate onSubmit={submit} className={styles.stack} data-testid="feedback-answer-form">
      <Alert tone="error">{error}</Alert>
      <Field label={t("me.feedbackConsole.answer")} error={msg(fieldError)} isRequired>
        <textarea className={controlStyles.control} rows={5} maxLength={1000} value={answer} onChange={(e) => setAnswer(e.target.value)} data-testid="feedback-answer-text" />
      </Field>
      <div>
        <Button type="submit" isLoading={isBusy} data-testid="feedback-answer-submit">{t("me.feedbackConsole.submit")}</Button>
      </div>
    </form>
  );
}
