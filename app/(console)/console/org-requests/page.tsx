import type { Metadata } from "next";
import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Table } from "@/components/ui/table";
import { formatDateTime } from "@/components/console/format";
import styles from "@/components/console/console.module.css";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { consoleListOrgRequests } from "@/lib/server/org/console-list-org-requests";
import { ORG_REQUEST_QUEUE_STATES } from "@/lib/server/org/console-org.types";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orgConsole.queue.metaTitle") };
}

const TONE: Record<string, BadgeTone> = { PENDING_CA: "info", APPROVED: "success", REJECTED: "danger" };

export default async function OrgRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePageUser({ permission: "orgs.review", next: "/console/org-requests" });
  const t = await getT();
  const q = await searchParams;
  const { requests, total, status } = await consoleListOrgRequests({ user, filter: { status: q.status || undefined } });
  const who = (p: { name: string | null; phone: string } | null) => (p ? <>{p.name && <>{p.name}<br /></>}<span className={`${styles.mono} ${styles.muted}`}>{p.phone}</span></> : "—");
  return (
    <div className={styles.page}>
      <PageHeader title={t("orgConsole.queue.title")} description={t("orgConsole.queue.lead")} />
      <form method="get" className={styles.filters}>
        <label>
          {t("orgConsole.queue.state")}
          <Select name="status" defaultValue={status} options={ORG_REQUEST_QUEUE_STATES.map((s) => ({ value: s, label: t(`orgConsole.queue.states.${s}`) }))} />
        </label>
        <div className={styles.filterActions}>
          <Button type="submit" variant="secondary">{t("review.common.filter")}</Button>
          <ButtonLink href="/console/org-requests" variant="ghost">{t("review.common.reset")}</ButtonLink>
        </div>
      </form>
      <p className={styles.meta}>{t("orgConsole.queue.count", { count: total })}</p>
      <Table
        caption={t("orgConsole.queue.title")}
        isCaptionHidden
        rows={requests}
        rowKey={(r) => r.id}
        empty={<EmptyState title={t("orgConsole.queue.empty")} />}
        columns={[
          { key: "at", header: t("orgConsole.queue.submittedAt"), cell: (r) => formatDateTime(r.createdAt, t.locale) },
          { key: "org", header: t("orgConsole.queue.org"), cell: (r) => <><Link href={`/console/orgs/${r.org.id}`}>{r.org.name}</Link><br /><span className={`${styles.mono} ${styles.muted}`}>{r.org.uscc}</span></> },
          { key: "from", header: t("orgConsole.queue.from"), cell: (r) => who(r.from) },
          { key: "to", header: t("orgConsole.queue.to"), cell: (r) => who(r.to) },
          { key: "status", header: t("orgConsole.queue.status"), cell: (r) => <><Badge tone={TONE[r.status] ?? "neutral"}>{t(`orgConsole.requestStatus.${r.status}`)}</Badge>{r.reason && <div className={styles.muted}>{r.reason}</div>}</> },
          {
            key: "open",
            header: "",
            isLabelHiddenOnPhone: true,
            cell: (r) => (
              <ButtonLink href={`/console/org-requests/${r.id}`} size="sm" variant={r.status === "PENDING_CA" ? "primary" : "outline"} data-testid="org-request-open">
                {t(r.status === "PENDING_CA" ? "orgConsole.queue.open" : "orgConsole.queue.view")}
              </ButtonLink>
            ),
          },
        ]}
      />
    </div>
  );
}
