import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { FeedbackForm } from "@/components/phone/feedback-form";
import styles from "@/components/phone/phone.module.css";
import meStyles from "@/components/phone/me.module.css";
import { getT } from "@/lib/i18n/server";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";
import { listMyFeedback } from "@/lib/server/support/list-feedback";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("me.feedback.metaTitle") };
}

// 我的反馈: send a question or report (optional screenshot), see each one's answer from the console.
export default async function PhoneFeedbackPage() {
  const user = await requirePhoneUser({ next: "/m/me/feedback" });
  const t = await getT();
  const items = await listMyFeedback({ userId: user.id });
  const dateOf = (iso: string) => new Intl.DateTimeFormat(t.locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }).format(new Date(iso));
  return (
    <>
      <header className={styles.header}>
        <Link href="/m/me" className={styles.back} aria-label={t("phone.me.title")}>‹</Link>
        <h1>{t("me.feedback.title")}</h1>
      </header>
      <div className={styles.form}>
        <Card title={t("me.feedback.new")} description={t("me.feedback.lead")}>
          <FeedbackForm />
        </Card>
        <section aria-labelledby="feedback-history">
          <h2 id="feedback-history" className={styles.sectionTitle}>{t("me.feedback.history")}</h2>
          {items.length === 0 ? (
            <p className={styles.note}>{t("me.feedback.empty")}</p>
          ) : (
            <ul className={styles.list}>
              {items.map((f) => (
                <li key={f.id} className={styles.card} data-testid="feedback-item" data-status={f.status}>
                  <div className={styles.cardTop}>
                    <p className={styles.cardTitle}>{t(`me.feedback.topics.${f.topic}`)}</p>
                    <Badge tone={f.status === "ANSWERED" ? "success" : "info"}>{t(`me.feedback.statuses.${f.status}`)}</Badge>
                  </div>
                  <p className={styles.cardMeta}>{t("me.feedback.submittedAt", { date: dateOf(f.createdAt) })}</p>
                  <p className={meStyles.body}>{f.body}</p>
                  {f.screenshotUrl && (
                    // eslint-disable-next-line @next/next/no-img-element -- access-checked, same-origin, re-encoded
                    <img src={f.screenshotUrl} alt={t("me.feedback.screenshotAlt")} className={meStyles.shot} loading="lazy" />
                  )}
                  {f.answer && (
                    <div className={meStyles.answer} data-testid="feedback-answer">
                      <strong>{t("me.feedback.answer")}</strong>
                      {f.answeredAt && <span className={styles.note}> · {t("me.feedback.answeredAt", { date: dateOf(f.answeredAt) })}</span>}
                      <br />
                      {f.answer}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
