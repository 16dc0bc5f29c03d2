import type { Metadata } from "next";
import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Table } from "@/components/ui/table";
import { formatDate } from "@/components/console/format";
import styles from "@/components/console/console.module.css";
import orgStyles from "@/components/console/org-console.module.css";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { CONSOLE_CERT_STATUSES, CONSOLE_EXPIRY_WINDOWS } from "@/lib/server/certs/console-certificate.types";
import { consoleListCertificates } from "@/lib/server/certs/console-list-certificates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("lifecycleRevoke.console.title") };
}

const TONE: Record<string, BadgeTone> = { VALID: "success", REVOKED: "danger", EXPIRED: "neutral" };

// /console/certificates — 证书管理: search by subject, USCC / ID number, serial, phone; status and expiry window; expiring counts.
export default async function ConsoleCertificatesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePageUser({ permission: "orders.viewAll", next: "/console/certificates" });
  const t = await getT();
  const q = await searchParams;
  const { certificates, total, pageCount, expiring, pendingRevocations, filter } = await consoleListCertificates({ user, filter: { q: q.q || undefined, status: q.status, expires: q.expires, pending: q.pending, page: q.page } });
  const pageHref = (page: number) =>
    `/console/certificates?${new URLSearchParams({ ...(filter.q ? { q: filter.q } : {}), ...(filter.status !== "all" ? { status: filter.status } : {}), ...(filter.expires !== "any" ? { expires: filter.expires } : {}), ...(filter.pending !== "any" ? { pending: filter.pending } : {}), page: String(page) })}`;
  return (
    <div className={styles.page}>
      <PageHeader title={t("lifecycleRevoke.console.title")} description={t("lifecycleRevoke.console.lead")} />
      <p className={styles.meta}>
        <Link href="/console/certificates?expires=30" data-testid="expiring-30">{t("lifecycleRevoke.console.expiring30", { count: expiring.in30 })}</Link>
        {" · "}
        <Link href="/console/certificates?expires=90" data-testid="expiring-90">{t("lifecycleRevoke.console.expiring90", { count: expiring.in90 })}</Link>
        {" · "}
        <Link href="/console/certificates?pending=revocation" data-testid="pending-revocations">{t("lifecycleRevoke.console.pendingRevocations", { count: pendingRevocations })}</Link>
      </p>
      <form method="get" className={styles.filters} role="search">
        <label className={orgStyles.grow}>
          {t("lifecycleRevoke.console.search")}
          <Input name="q" defaultValue={filter.q} maxLength={80} data-testid="cert-search" />
        </label>
        <label>
          {t("lifecycleRevoke.console.status")}
          <Select name="status" defaultValue={filter.status} options={CONSOLE_CERT_STATUSES.map((s) => ({ value: s, label: t(`lifecycleRevoke.console.statuses.${s}`) }))} />
        </label>
        <label>
          {t("lifecycleRevoke.console.expires")}
          <Select name="expires" defaultValue={filter.expires} options={CONSOLE_EXPIRY_WINDOWS.map((s) => ({ value: s, label: t(`lifecycleRevoke.console.windows.${s}`) }))} />
        </label>
        <div className={styles.filterActions}>
          <Button type="submit" variant="secondary" data-testid="cert-search-submit">{t("review.common.filter")}</Button>
          <ButtonLink href="/console/certificates" variant="ghost">{t("review.common.reset")}</ButtonLink>
        </div>
      </form>
      <p className={styles.meta} data-testid="cert-count">{t("lifecycleRevoke.console.count", { count: total })}</p>
      <Table
        caption={t("lifecycleRevoke.console.title")}
        isCaptionHidden
        rows={certificates}
        rowKey={(c) => c.id}
        empty={<EmptyState title={t("lifecycleRevoke.console.empty")} description={t("lifecycleRevoke.console.emptyBody")} />}
        columns={[
          {
            key: "subject",
            header: t("lifecycleRevoke.console.subject"),
            cell: (c) => (
              <>
                <Link href={`/console/certificates/${c.id}`} data-testid="cert-link">{c.subjectName}</Link>
                {c.orgName && <div className={styles.muted}>{c.orgName}</div>}
              </>
            ),
          },
          { key: "key", header: t("lifecycleRevoke.console.subjectKey"), cell: (c) => <span className={styles.mono}>{c.subjectKey ?? "—"}</span> },
          { key: "serial", header: t("lifecycleRevoke.console.serial"), cell: (c) => <span className={styles.mono}>{c.serialHex}</span> },
          { key: "usage", header: t("lifecycleRevoke.console.usage"), cell: (c) => t(`lifecycleRevoke.console.usages.${c.usage}`) },
          { key: "status", header: t("lifecycleRevoke.console.status"), cell: (c) => <Badge tone={TONE[c.status] ?? "neutral"}>{t(`lifecycleRevoke.console.statuses.${c.status}`)}</Badge> },
          { key: "validity", header: t("lifecycleRevoke.console.validity"), cell: (c) => `${formatDate(c.notBefore, t.locale)} – ${formatDate(c.notAfter, t.locale)}` },
        ]}
      />
      {pageCount > 1 && (
        <nav className={orgStyles.pager} aria-label={t("lifecycleRevoke.console.page", { page: filter.page, pages: pageCount })}>
          {filter.page > 1 ? <ButtonLink href={pageHref(filter.page - 1)} variant="outline" size="sm">{t("lifecycleRevoke.console.prev")}</ButtonLink> : <span />}
          <span className={styles.muted}>{t("lifecycleRevoke.console.page", { page: filter.page, pages: pageCount })}</span>
          {filter.page < pageCount ? <ButtonLink href={pageHref(filter.page + 1)} variant="outline" size="sm">{t("lifecycleRevoke.console.next")}</ButtonLink> : <span />}
        </nav>
      )}
    </div>
  );
}
