import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { formatDateTime } from "@/components/console/format";
import styles from "@/components/console/console.module.css";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { consoleListFeedback } from "@/lib/server/support/console-feedback";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("me.feedbackConsole.title") };
}

const TABS = ["OPEN", "ANSWERED"] as const;

// 用户反馈: what users sent from 我的反馈 (the oldest open first), and what was answered.
export default async function ConsoleFeedbackPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const user = await requirePageUser({ permission: "feedback.answer", next: "/console/feedback" });
  const t = await getT();
  const q = await searchParams;
  const status = TABS.find((s) => s === q.status) ?? "OPEN";
  const rows = await consoleListFeedback({ staff: user, status });
  return (
    <div className={styles.page}>
      <PageHeader title={t("me.feedbackConsole.title")} description={t("me.feedbackConsole.lead")} />
      <nav className={styles.filters} aria-label={t("me.feedbackConsole.title")}>
        {TABS.map((s) => (
          <ButtonLink key={s} href={`/console/feedback?status=${s}`} size="sm" variant={s === status ? "primary" : "ghost"}>{t(`me.feedbackConsole.tabs.${s}`)}</ButtonLink>
        ))}
      </nav>
      <Table
        caption={t("me.feedbackConsole.title")}
        isCaptionHidden
        rows={rows}
        rowKey={(r) => r.id}
        empty={<EmptyState title={t("me.feedbackConsole.empty")} />}
        columns={[
          { key: "at", header: t("me.feedbackConsole.submittedAt"), cell: (r) => formatDateTime(new Date(r.createdAt), t.locale) },
          { key: "user", header: t("me.feedbackConsole.user"), cell: (r) => `${r.user.name ?? ""} ${r.user.phoneMasked}`.trim() },
          { key: "topic", header: t("me.feedback.topic"), cell: (r) => <Badge tone="info">{t(`me.feedback.topics.${r.topic}`)}</Badge> },
          { key: "body", header: t("me.feedback.body"), cell: (r) => (r.body.length > 60 ? `${r.body.slice(0, 60)}…` : r.body) },
          { key: "open", header: "", isLabelHiddenOnPhone: true, cell: (r) => <ButtonLink href={`/console/feedback/${r.id}`} size="sm" variant={r.status === "OPEN" ? "primary" : "outline"} data-testid="feedback-open">{r.status === "OPEN" ? t("me.feedbackConsole.open") : t("me.feedbackConsole.view")}</ButtonLink> },
        ]}
      />
    </div>
  );
}
