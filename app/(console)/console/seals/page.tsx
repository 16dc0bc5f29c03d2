import type { Metadata } from "next";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { formatDateTime } from "@/components/console/format";
import styles from "@/components/console/console.module.css";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { consoleListSeals } from "@/lib/server/seals/console-seals";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("seals.console.title") };
}

const TABS = ["PENDING_REVIEW", "APPROVED", "REJECTED"] as const;

// 印章审核: the seals waiting for the CA (oldest first), and the recently decided ones.
export default async function ConsoleSealsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePageUser({ permission: "seals.review", next: "/console/seals" });
  const t = await getT();
  const q = await searchParams;
  const status = TABS.find((s) => s === q.status) ?? "PENDING_REVIEW";
  const seals = await consoleListSeals({ status });
  return (
    <div className={styles.page}>
      <PageHeader title={t("seals.console.title")} description={t("seals.console.lead")} />
      <nav className={styles.filters} aria-label={t("seals.console.title")}>
        {TABS.map((s) => (
          <ButtonLink key={s} href={`/console/seals?status=${s}`} size="sm" variant={s === status ? "primary" : "ghost"}>{t(`seals.console.tabs.${s}`)}</ButtonLink>
        ))}
      </nav>
      <Table
        caption={t("seals.console.title")}
        isCaptionHidden
        rows={seals}
        rowKey={(s) => s.id}
        empty={<EmptyState title={t("seals.console.empty")} />}
        columns={[
          { key: "at", header: t("seals.console.submittedAt"), cell: (s) => formatDateTime(s.submittedAt, t.locale) },
          { key: "owner", header: t("seals.console.owner"), cell: (s) => s.org?.name ?? s.user?.realName ?? s.user?.name ?? "—" },
          { key: "name", header: t("seals.columns.name"), cell: (s) => <>{s.name}<br /><span className={styles.muted}>{t(`seals.kinds.${s.kind}` as MessageKey)} · {t(`seals.sources.${s.source}` as MessageKey)}</span></> },
          { key: "status", header: t("seals.columns.status"), cell: (s) => <Badge tone={s.status === "APPROVED" ? "success" : s.status === "REJECTED" ? "danger" : "info"}>{t(`seals.statuses.${s.status}` as MessageKey)}</Badge> },
          { key: "open", header: "", isLabelHiddenOnPhone: true, cell: (s) => <ButtonLink href={`/console/seals/${s.id}`} size="sm" variant={s.status === "PENDING_REVIEW" ? "primary" : "outline"} data-testid="seal-review-open">{t("seals.console.open")}</ButtonLink> },
        ]}
      />
    </div>
  );
}
