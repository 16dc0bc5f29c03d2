import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { formatDateTime } from "@/components/console/format";
import { formatFen } from "@/components/orders/format-fen";
import styles from "@/components/console/console.module.css";
import orgStyles from "@/components/console/org-console.module.css";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { consoleListInvoices } from "@/lib/server/payments/console-invoices";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("invoices.console.title") };
}

// 发票管理: every order's invoices and red-letter notes, newest first, searchable; each opens its order's chain.
export default async function ConsoleInvoicesPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requirePageUser({ permission: "invoices.manage", next: "/console/invoices" });
  const t = await getT();
  const q = ((await searchParams).q ?? "").slice(0, 60);
  const rows = await consoleListInvoices({ staff: user, q });
  return (
    <div className={styles.page}>
      <PageHeader title={t("invoices.console.title")} description={t("invoices.console.lead")} />
      <form method="get" className={styles.filters} role="search">
        <label className={orgStyles.grow}>
          {t("invoices.console.search")}
          <Input name="q" defaultValue={q} maxLength={60} data-testid="invoice-search" />
        </label>
        <div className={styles.filterActions}>
          <Button type="submit" variant="secondary" data-testid="invoice-search-submit">{t("invoices.console.searchButton")}</Button>
          <ButtonLink href="/console/invoices" variant="ghost">{t("review.common.reset")}</ButtonLink>
        </div>
      </form>
      <Table
        caption={t("invoices.console.title")}
        isCaptionHidden
        rows={rows}
        rowKey={(r) => r.id}
        empty={<EmptyState title={t("invoices.console.empty")} />}
        columns={[
          { key: "at", header: t("invoices.card.issuedAt"), cell: (r) => formatDateTime(new Date(r.issuedAt), t.locale) },
          { key: "number", header: t("invoices.card.number"), cell: (r) => <span className={styles.mono}>{r.number}</span> },
          { key: "kind", header: t("invoices.card.title"), cell: (r) => <><Badge tone={r.kind === "RED" ? "danger" : "info"}>{t(`invoices.card.kinds.${r.kind}`)}</Badge> <Badge tone={r.state === "current" ? "success" : "neutral"}>{t(`invoices.card.states.${r.state}`)}</Badge></> },
          { key: "title", header: t("invoices.card.buyer"), cell: (r) => r.title },
          { key: "amount", header: t("invoices.card.amount"), align: "end", cell: (r) => formatFen(r.amountFen) },
          { key: "order", header: t("invoices.console.order"), cell: (r) => <span className={styles.mono}>{r.orderNo}</span> },
          { key: "open", header: "", isLabelHiddenOnPhone: true, cell: (r) => <ButtonLink href={`/console/invoices/${r.id}`} size="sm" variant="outline" data-testid={`invoice-open-${r.number}`}>{t("invoices.console.open")}</ButtonLink> },
        ]}
      />
    </div>
  );
}
