import type { Metadata } from "next";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { ShipButton } from "@/components/shipping/ship-button";
import styles from "@/components/console/console.module.css";
import orgStyles from "@/components/console/org-console.module.css";
import { getT } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { consoleListShipments } from "@/lib/server/shipping/console-list-shipments";

const TONE: Record<"PENDING" | "SHIPPED" | "DELIVERED", BadgeTone> = { PENDING: "warning", SHIPPED: "info", DELIVERED: "success" };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("shipping.console.title") };
}

// 发货管理: the USB Keys orders bought, 待发货 first; 发货 with carrier + tracking number, 标记已签收.
export default async function ConsoleShipmentsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requirePageUser({ permission: "shipments.manage", next: "/console/shipments" });
  const t = await getT();
  const q = ((await searchParams).q ?? "").slice(0, 40);
  const rows = await consoleListShipments({ staff: user, q });
  return (
    <div className={styles.page}>
      <PageHeader title={t("shipping.console.title")} description={t("shipping.console.lead")} />
      <form method="get" className={styles.filters} role="search">
        <label className={orgStyles.grow}>
          {t("shipping.console.search")}
          <Input name="q" defaultValue={q} maxLength={40} data-testid="shipment-search" />
        </label>
        <div className={styles.filterActions}>
          <Button type="submit" variant="secondary" data-testid="shipment-search-submit">{t("shipping.console.searchButton")}</Button>
          <ButtonLink href="/console/shipments" variant="ghost">{t("review.common.reset")}</ButtonLink>
        </div>
      </form>
      <Table
        caption={t("shipping.console.title")}
        isCaptionHidden
        rows={rows}
        rowKey={(r) => r.id}
        empty={<EmptyState title={t("shipping.console.empty")} />}
        columns={[
          { key: "status", header: t("shipping.card.status"), cell: (r) => <Badge tone={TONE[r.status]}>{t(`shipping.status.${r.status}`)}</Badge> },
          { key: "order", header: t("shipping.console.order"), cell: (r) => <span className={styles.mono}>{r.order.no}</span> },
          { key: "subject", header: t("shipping.console.subject"), cell: (r) => r.order.subjectName ?? "" },
          { key: "to", header: t("shipping.card.address"), cell: (r) => <>{r.recipient} {r.phone}<br />{r.address}</> },
          {
            key: "tracking",
            header: t("shipping.card.trackingNo"),
            cell: (r) => (r.trackingNo ? <><span>{t(`shipping.carriers.${r.carrier as "SF"}`)}</span> <span className={styles.mono} data-testid={`tracking-${r.order.no}`}>{r.trackingNo}</span></> : "—"),
          },
          { key: "action", header: "", isLabelHiddenOnPhone: true, cell: (r) => <ShipButton shipmentId={r.id} orderNo={r.order.no} status={r.status} /> },
        ]}
      />
    </div>
  );
}
