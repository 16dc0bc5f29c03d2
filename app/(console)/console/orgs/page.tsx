import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Table } from "@/components/ui/table";
import { formatDateTime } from "@/components/console/format";
import styles from "@/components/console/console.module.css";
import orgStyles from "@/components/console/org-console.module.css";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { consoleListOrganizations } from "@/lib/server/org/console-list-organizations";
import { ORG_LIST_STATES } from "@/lib/server/org/console-org.types";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orgConsole.list.metaTitle") };
}

export default async function ConsoleOrgsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePageUser({ permission: "orgs.view", next: "/console/orgs" });
  const t = await getT();
  const q = await searchParams;
  const { organizations, total, pageCount, filter } = await consoleListOrganizations({ user, filter: { q: q.q || undefined, state: q.state || undefined, page: q.page || undefined } });
  const pageHref = (page: number) => `/console/orgs?${new URLSearchParams({ ...(filter.q ? { q: filter.q } : {}), ...(filter.state !== "all" ? { state: filter.state } : {}), page: String(page) })}`;
  return (
    <div className={styles.page}>
      <PageHeader title={t("orgConsole.list.title")} description={t("orgConsole.list.lead")} />
      <form method="get" className={styles.filters} role="search">
        <label className={orgStyles.grow}>
          {t("orgConsole.list.search")}
          <Input name="q" defaultValue={filter.q} maxLength={60} data-testid="org-search" />
        </label>
        <label>
          {t("orgConsole.list.state")}
          <Select name="state" defaultValue={filter.state} options={ORG_LIST_STATES.map((s) => ({ value: s, label: t(`orgConsole.list.states.${s}`) }))} />
        </label>
        <div className={styles.filterActions}>
          <Button type="submit" variant="secondary" data-testid="org-search-submit">{t("review.common.filter")}</Button>
          <ButtonLink href="/console/orgs" variant="ghost">{t("review.common.reset")}</ButtonLink>
        </div>
      </form>
      <p className={styles.meta} data-testid="org-count">{t("orgConsole.list.count", { count: total })}</p>
      <Table
        caption={t("orgConsole.list.title")}
        isCaptionHidden
        rows={organizations}
        rowKey={(o) => o.id}
        empty={<EmptyState title={t("orgConsole.list.empty")} description={t("orgConsole.list.emptyBody")} />}
        columns={[
          {
            key: "name",
            header: t("orgConsole.list.name"),
            cell: (o) => (
              <>
                <Link href={`/console/orgs/${o.id}`} data-testid="org-link">{o.name}</Link>
                <div className={orgStyles.badges}>
                  {o.deleted ? <Badge tone="danger">{t("orgConsole.list.deleted")}</Badge> : <Badge tone={o.verified ? "success" : "neutral"}>{t(o.verified ? "orgConsole.list.verified" : "orgConsole.list.unverified")}</Badge>}
                </div>
              </>
            ),
          },
          { key: "uscc", header: t("orgConsole.list.uscc"), cell: (o) => <span className={styles.mono}>{o.uscc}</span> },
          {
            key: "admin",
            header: t("orgConsole.list.admin"),
            cell: (o) => (o.admin ? <>{o.admin.name && <>{o.admin.name}<br /></>}<span className={`${styles.mono} ${styles.muted}`}>{o.admin.phone}</span></> : <span className={styles.muted}>{t("orgConsole.list.noAdmin")}</span>),
          },
          { key: "members", header: t("orgConsole.list.members"), align: "end", cell: (o) => o.memberCount },
          { key: "certs", header: t("orgConsole.list.certificates"), align: "end", cell: (o) => `${o.validCertificateCount} / ${o.certificateCount}` },
          { key: "created", header: t("orgConsole.list.createdAt"), cell: (o) => formatDateTime(o.createdAt, t.locale) },
        ]}
      />
      {pageCount > 1 && (
        <nav className={orgStyles.pager} aria-label={t("orgConsole.list.page", { page: filter.page, pages: pageCount })}>
          {filter.page > 1 ? <ButtonLink href={pageHref(filter.page - 1)} variant="outline" size="sm">{t("orgConsole.list.prev")}</ButtonLink> : <span />}
          <span className={styles.muted}>{t("orgConsole.list.page", { page: filter.page, pages: pageCount })}</span>
          {filter.page < pageCount ? <ButtonLink href={pageHref(filter.page + 1)} variant="outline" size="sm">{t("orgConsole.list.next")}</ButtonLink> : <span />}
        </nav>
      )}
    </div>
  );
}
