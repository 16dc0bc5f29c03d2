import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { DetailRows } from "@/components/console/detail-rows";
import { FeedbackAnswerForm } from "@/components/console/feedback-answer-form";
import { formatDateTime } from "@/components/console/format";
import styles from "@/components/console/console.module.css";
import meStyles from "@/components/phone/me.module.css";
import { isAppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { consoleGetFeedback } from "@/lib/server/support/console-feedback";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("me.feedbackConsole.detailTitle") };
}

// 反馈详情: who wrote what (and the screenshot), and the answer form while it is open.
export default async function ConsoleFeedbackDetailPage({ params }: { params: Promise<{ feedbackId: string }> }) {
  const { feedbackId } = await params;
  const user = await requirePageUser({ permission: "feedback.answer", next: `/console/feedback/${feedbackId}` });
  const t = await getT();
  const f = await consoleGetFeedback({ staff: user, feedbackId }).catch((err: unknown) => {
    if (isAppError(err) && err.code === "not_found") notFound();
    throw err;
  });
  return (
    <div className={styles.page}>
      <PageHeader title={t("me.feedbackConsole.detailTitle")} breadcrumbs={[{ label: t("me.feedbackConsole.title"), href: "/console/feedback" }, { label: t("me.feedbackConsole.detailTitle") }]} />
      <Card>
        <DetailRows
          rows={[
            [t("me.feedbackConsole.user"), `${f.user.name ?? ""} ${f.user.phoneMasked}`.trim()],
            [t("me.feedback.topic"), <Badge key="t" tone="info">{t(`me.feedback.topics.${f.topic}`)}</Badge>],
            [t("me.feedbackConsole.submittedAt"), formatDateTime(new Date(f.createdAt), t.locale)],
            [t("me.feedback.body"), <span key="b" className={meStyles.body} data-testid="console-feedback-body">{f.body}</span>],
          ]}
        />
        {f.screenshotUrl && (
          // eslint-disable-next-line @next/next/no-img-element -- access-checked, same-origin, re-encoded at upload
          <img src={f.screenshotUrl} alt={t("me.feedback.screenshotAlt")} className={meStyles.shot} data-testid="console-feedback-shot" />
        )}
      </Card>
      <Card title={t("me.feedbackConsole.answer")}>
        {f.status === "OPEN" ? (
          <FeedbackAnswerForm feedbackId={f.id} />
        ) : (
          <p className={meStyles.answer} data-testid="console-feedback-answer">
            {f.answer}
            {f.answeredAt && <><br /><span className={styles.muted}>{t("me.feedback.answeredAt", { date: formatDateTime(new Date(f.answeredAt), t.locale) })}</span></>}
          </p>
        )}
      </Card>
    </div>
  );
}
