import type { Metadata } from "next";
import { getLocale, getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { listUsageRecords, type TUsageRecord } from "@/lib/server/scan/list-usage-records";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import styles from "@/components/scan/scan.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("scanner.usage") };
}

// 使用记录 on the desk: the caller's own scan operations, exportable as CSV.
export default async function UsagePage() {
  const user = await requirePageUser({ next: "/usage" });
  const t = await getT();
  const locale = await getLocale();
  const records = await listUsageRecords({ userId: user.id });
  return (
    <div className={styles.deskPage}>
      <PageHeader
        title={t("scanner.usage")}
        description={t("scanner.usageLead")}
        actions={<a href="/api/usage.csv" className={buttonClassName({ variant: "outline" })} download data-testid="usage-export">{t("scanner.usageExport")}</a>}
      />
      <Table<TUsageRecord>
        caption={t("scanner.usage")}
        isCaptionHidden
        rows={records}
        rowKey={(r) => r.id}
        empty={<EmptyState title={t("scanner.usageEmpty")} />}
        columns={[
          { key: "at", header: t("scanner.usageCols.at"), cell: (r) => new Date(r.at).toLocaleString(locale), width: "11rem" },
          { key: "type", header: t("scanner.usageCols.type"), cell: (r) => t(`scanner.opShort.${r.type}`) },
          { key: "platform", header: t("scanner.usageCols.platform"), cell: (r) => (locale === "en" ? r.platformEn : r.platform) },
          { key: "title", header: t("scanner.usageCols.title"), cell: (r) => (r.title ?? "—") + (r.viaSession ? ` · ${t("scanner.viaSession")}` : "") },
          { key: "serial", header: t("scanner.usageCols.serial"), cell: (r) => <span className={styles.mono}>{r.serialHex ?? "—"}</span> },
          { key: "result", header: t("scanner.usageCols.result"), cell: (r) => <span data-testid="usage-result">{t(`scanner.usageResult.${r.result}`)}</span> },
        ]}
      />
    </div>
  );
}
