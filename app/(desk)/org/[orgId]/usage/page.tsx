import type { Metadata } from "next";
import Link from "next/link";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { getLocale, getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { listOrgUsageRecords, type TOrgUsage } from "@/lib/server/org/list-org-usage-records";
import { ZOrgUsageFilterSchema } from "@/lib/server/org/org-usage.types";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Table } from "@/components/ui/table";
import { OrgNav } from "@/components/org/org-nav";
import { orgPage } from "@/components/org/org-page-guard";
import areaStyles from "@/components/org/org-area.module.css";
import scanStyles from "@/components/scan/scan.module.css";
import styles from "./usage.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("scanner.orgUsage.title") };
}

const TYPES = ["login", "sign", "decrypt", "sync_subject"] as const;
const RESULTS = ["completed", "rejected", "expired", "failed", "scanned", "pending"] as const;
const FAIL_REASONS: readonly string[] = ["not_authorized_for_platform", "not_a_member", "declined_by_user"];
const FILTER_KEYS = ["memberId", "type", "platformId", "from", "to", "result"] as const;

type Search = Record<string, string | string[] | undefined>;

// 企业使用记录: the organization's certificates' scan operations (every member's for administrators,
// one's own otherwise), filtered through the query string, with the CSV export of the same filter.
export default async function OrgUsagePage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Search> }) {
  const { orgId } = await params;
  const search = await searchParams;
  const user = await requirePageUser({ next: `/org/${orgId}/usage` });
  const t = await getT();
  const locale = await getLocale();
  const raw = Object.fromEntries(Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  // A hand-edited query that does not parse shows the unfiltered list rather than an error.
  const parsed = ZOrgUsageFilterSchema.safeParse(raw);
  const usage = await orgPage(listOrgUsageRecords({ userId: user.id, orgId, filter: parsed.success ? raw : {} }));
  const f = usage.filter;
  const filterQuery = new URLSearchParams(FILTER_KEYS.flatMap((k) => (f[k] ? [[k, String(f[k])]] : [])));
  const pageHref = (page: number) => `/org/${orgId}/usage?${new URLSearchParams([...filterQuery, ["page", String(page)]])}`;
  const platformName = (p: { name: string; nameEn: string | null }) => (locale === "en" ? (p.nameEn ?? p.name) : p.name);
  type Row = TOrgUsage["records"][number];

  return (
    <div className={areaStyles.page}>
      <PageHeader
        title={t("scanner.orgUsage.title")}
        breadcrumbs={[{ label: t("orgMembers.home.title"), href: "/org" }, { label: t("orgMembers.nav.overview"), href: `/org/${orgId}` }, { label: t("orgMembers.nav.usage") }]}
        description={usage.canViewAll ? t("scanner.orgUsage.lead") : t("scanner.orgUsage.leadOwn")}
        actions={
          <a href={`/api/org/${orgId}/usage.csv?${filterQuery}`} className={buttonClassName({ variant: "outline" })} download data-testid="org-usage-export">
            {t("scanner.usageExport")}
          </a>
        }
      />
      <OrgNav orgId={orgId} />
      <form method="get" className={styles.filters} aria-label={t("scanner.orgUsage.apply")} data-testid="org-usage-filters">
        {usage.canViewAll && (
          <label className={styles.filter}>
            <span>{t("scanner.orgUsage.member")}</span>
            <Select name="memberId" defaultValue={f.memberId ?? ""} placeholder={t("scanner.orgUsage.allMembers")} options={usage.members.map((m) => ({ value: m.id, label: m.name }))} />
          </label>
        )}
        <label className={styles.filter}>
          <span>{t("scanner.usageCols.type")}</span>
          <Select name="type" defaultValue={f.type ?? ""} placeholder={t("scanner.orgUsage.allTypes")} options={TYPES.map((v) => ({ value: v, label: t(`scanner.opShort.${v}`) }))} />
        </label>
        <label className={styles.filter}>
          <span>{t("scanner.usageCols.platform")}</span>
          <Select name="platformId" defaultValue={f.platformId ?? ""} placeholder={t("scanner.orgUsage.allPlatforms")} options={usage.platforms.map((p) => ({ value: p.id, label: platformName(p) }))} />
        </label>
        <label className={styles.filter}>
          <span>{t("scanner.orgUsage.from")}</span>
          <Input type="date" name="from" defaultValue={f.from ?? ""} />
        </label>
        <label className={styles.filter}>
          <span>{t("scanner.orgUsage.to")}</span>
          <Input type="date" name="to" defaultValue={f.to ?? ""} />
        </label>
        <label className={styles.filter}>
          <span>{t("scanner.usageCols.result")}</span>
          <Select name="result" defaultValue={f.result ?? ""} placeholder={t("scanner.orgUsage.allResults")} options={RESULTS.map((v) => ({ value: v, label: t(`scanner.usageResult.${v}`) }))} />
        </label>
        <div className={styles.filterActions}>
          <button type="submit" className={buttonClassName({ variant: "primary" })} data-testid="org-usage-apply">{t("scanner.orgUsage.apply")}</button>
          <Link href={`/org/${orgId}/usage`} className={buttonClassName({ variant: "ghost" })}>{t("scanner.orgUsage.reset")}</Link>
        </div>
      </form>
      <p className={styles.total} data-testid="org-usage-total">{t("scanner.orgUsage.total", { count: usage.total })}</p>
      <Table<Row>
        caption={t("scanner.orgUsage.title")}
        isCaptionHidden
        rows={usage.records}
        rowKey={(r) => r.id}
        empty={<EmptyState title={t("scanner.usageEmpty")} />}
        columns={[
          { key: "at", header: t("scanner.usageCols.at"), cell: (r) => new Date(r.at).toLocaleString(locale, { timeZone: "Asia/Shanghai" }), width: "11rem" },
          { key: "member", header: t("scanner.orgUsage.member"), cell: (r) => <span data-testid="org-usage-member">{r.memberName}</span> },
          { key: "type", header: t("scanner.usageCols.type"), cell: (r) => t(`scanner.opShort.${r.type}`) },
          { key: "platform", header: t("scanner.usageCols.platform"), cell: (r) => (locale === "en" ? r.platformEn : r.platform) },
          { key: "serial", header: t("scanner.usageCols.serial"), cell: (r) => <span className={scanStyles.mono}>{r.serialHex ? `${r.serialHex.slice(0, 16)}…` : "—"}</span> },
          {
            key: "result",
            header: t("scanner.usageCols.result"),
            cell: (r) => (
              <span data-testid="org-usage-result">
                {t(`scanner.usageResult.${r.result}`)}
                {r.result === "rejected" && r.failReason && FAIL_REASONS.includes(r.failReason) && ` · ${t(`scanner.orgUsage.failReason.${r.failReason}` as MessageKey)}`}
              </span>
            ),
          },
        ]}
      />
      {usage.pages > 1 && (
        <nav className={styles.pager} aria-label={t("scanner.orgUsage.page", { page: usage.page, pages: usage.pages })}>
          {usage.page > 1 ? <Link href={pageHref(usage.page - 1)} className={buttonClassName({ variant: "outline", size: "sm" })}>{t("scanner.orgUsage.prev")}</Link> : <span />}
          <span>{t("scanner.orgUsage.page", { page: usage.page, pages: usage.pages })}</span>
          {usage.page < usage.pages ? <Link href={pageHref(usage.page + 1)} className={buttonClassName({ variant: "outline", size: "sm" })}>{t("scanner.orgUsage.next")}</Link> : <span />}
        </nav>
      )}
    </div>
  );
}
