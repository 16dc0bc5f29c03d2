import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Table } from "@/components/ui/table";
import { ageParts, formatDateTime } from "@/components/console/format";
import styles from "@/components/console/console.module.css";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { listReviewQueue } from "@/lib/server/reviews/list-review-queue";
import { listQueueChannels } from "@/lib/server/reviews/list-queue-channels";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("review.queue.metaTitle") };
}

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser({ permission: "orders.review", next: "/console/reviews" });
  const t = await getT();
  const query = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  const [{ orders, total, filter }, channels] = await Promise.all([listReviewQueue({ user, filter: query }), listQueueChannels({ user })]);
  const channelName = (c: { name: string; nameEn: string | null }) => (t.locale === "en" && c.nameEn ? c.nameEn : c.name);
  const age = (d: Date | null) => {
    const a = ageParts(d);
    return a ? t(`review.queue.${a.unit}`, { n: a.n }) : "—";
  };

  return (
    <div className={styles.page}>
      <PageHeader title={t("review.queue.title")} description={t("review.queue.lead")} />
      <form method="get" className={styles.filters} aria-label={t("review.common.filter")}>
        <label>
          {t("review.queue.type")}
          <Select name="type" defaultValue={filter.type ?? ""} placeholder={t("review.common.all")} options={[
            { value: "UNIT", label: t("review.common.unit") },
            { value: "INDIVIDUAL", label: t("review.common.individual") },
          ]} />
        </label>
        <label>
          {t("review.queue.channel")}
          <Select name="channel" defaultValue={filter.channel ?? ""} placeholder={t("review.common.all")} options={channels.map((c) => ({ value: c.code, label: channelName(c) }))} />
        </label>
        <label>
          {t("review.queue.status")}
          <Select name="status" defaultValue={filter.status ?? ""} placeholder={t("review.common.all")} options={[
            { value: "IN_REVIEW", label: t("orders.status.IN_REVIEW") },
            { value: "AWAITING_PAPER", label: t("orders.status.AWAITING_PAPER") },
          ]} />
        </label>
        <label>
          {t("review.queue.age")}
          <Select name="age" defaultValue={filter.age ?? "any"} options={[
            { value: "any", label: t("review.queue.ageAny") },
            { value: "1d", label: t("review.queue.age1d") },
            { value: "3d", label: t("review.queue.age3d") },
            { value: "7d", label: t("review.queue.age7d") },
          ]} />
        </label>
        <div className={styles.filterActions}>
          <Button type="submit" variant="secondary">{t("review.common.filter")}</Button>
          <ButtonLink href="/console/reviews" variant="ghost">{t("review.common.reset")}</ButtonLink>
        </div>
      </form>
      <p className={styles.meta} data-testid="queue-total">{t("review.queue.count", { count: total })}</p>
      <Table
        caption={t("review.queue.title")}
        isCaptionHidden
        rows={orders}
        rowKey={(o) => o.id}
        empty={<EmptyState title={t("review.queue.empty")} description={t("review.queue.emptyBody")} />}
        columns={[
          { key: "no", header: t("review.queue.no"), cell: (o) => <Link href={`/console/reviews/${o.id}`} className={styles.mono}>{o.no}</Link> },
          {
            key: "subject",
            header: t("review.queue.subject"),
            cell: (o) => (
              <>
                {o.subjectName ?? "—"}{" "}
                <Badge tone="neutral">{o.subjectType === "UNIT" ? t("review.common.unit") : t("review.common.individual")}</Badge>
                {o.offline && <> <Badge tone="warning">{t("review.queue.offline")}</Badge></>}
                {o.kind !== "NEW" && <> <Badge tone="info">{t(`lifecycleLookup.kind.${o.kind}`)}</Badge></>}
              </>
            ),
          },
          { key: "channel", header: t("review.queue.channel"), cell: (o) => channelName(o.channel) },
          { key: "status", header: t("review.queue.status"), cell: (o) => <Badge tone={o.status === "IN_REVIEW" ? "info" : "warning"}>{t(`orders.status.${o.status}`)}</Badge> },
          { key: "submitted", header: t("review.queue.submittedAt"), cell: (o) => formatDateTime(o.submittedAt, t.locale) },
          { key: "age", header: t("review.queue.waiting"), cell: (o) => age(o.submittedAt), align: "end" },
          {
            key: "progress",
            header: t("review.queue.progress"),
            // Every row says where its review stands (the column was empty unless the channel had four-eyes).
            cell: (o) =>
              o.status === "AWAITING_PAPER" ? (
                <span className={styles.muted} data-testid="queue-progress">{t("review.queue.progressPaper")}</span>
              ) : (
                <span data-testid="queue-progress">
                  <Badge tone={o.approvals > 0 ? "success" : "neutral"}>
                    {t(o.channel.requireTwoReviewers ? "review.queue.twoReviewers" : "review.queue.oneReviewer", { approvals: o.approvals })}
                  </Badge>
                  {o.reviewRound > 0 && <> <Badge tone="warning">{t("review.queue.resubmitted", { n: o.reviewRound + 1 })}</Badge></>}
                  {o.isReviewedByMe && <> <Badge tone="success">{t("review.queue.reviewedByMe")}</Badge></>}
                </span>
              ),
          },
          {
            key: "open",
            header: t("review.common.actions"),
            isLabelHiddenOnPhone: true,
            align: "end",
            cell: (o) => <ButtonLink href={`/console/reviews/${o.id}`} size="sm" variant="outline">{t("review.queue.open")}</ButtonLink>,
          },
        ]}
      />
    </div>
  );
}
