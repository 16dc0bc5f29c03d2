import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { listOrders } from "@/lib/server/orders/list-orders";
import { toOrderTab } from "@/lib/server/orders/order-tabs";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { formatFen } from "@/components/orders/format-fen";
import { OrderRowActions } from "@/components/orders/order-row-actions";
import { OrderTabs } from "@/components/orders/order-tabs";
import { formatTime } from "@/components/orders/order-timeline";
import { StatusBadge } from "@/components/orders/status-badge";
import { ReapplyCertificateButton } from "@/components/lookup/reapply-certificate-button";
import { isReapplicable } from "@/lib/server/orders/reapply-certificate";
import styles from "@/components/orders/orders.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orders.title") };
}

// 订单管理: one tab per stage; unfinished drafts continue where they stopped.
export default async function OrdersPage({ searchParams }: { searchParams: Promise<{ tab?: string }> }) {
  const asked = toOrderTab((await searchParams).tab);
  const user = await requirePageUser({ next: asked ? `/orders?tab=${asked}` : "/orders" });
  const t = await getT();
  const { orders, counts, tab } = await listOrders({ userId: user.id, tab: asked });
  type Row = (typeof orders)[number];
  return (
    <div className={styles.page}>
      <PageHeader
        title={t("orders.title")}
        description={t("orders.description")}
        actions={<ButtonLink href="/apply">{t("orders.list.newApplication")}</ButtonLink>}
      />
      <OrderTabs current={tab} counts={counts} t={t} />
      <Table<Row>
        caption={t("orders.list.caption")}
        isCaptionHidden
        rows={orders}
        rowKey={(o) => o.id}
        empty={<EmptyState title={t("orders.list.emptyTitle")} description={t("orders.list.emptyDescription")} action={<ButtonLink href="/apply" variant="outline">{t("orders.list.newApplication")}</ButtonLink>} />}
        columns={[
          { key: "no", header: t("orders.list.no"), cell: (o) => <span className={styles.no} data-testid="order-row-no">{o.no}</span> },
          {
            key: "subject",
            header: t("orders.list.subject"),
            // One block: on phones the cell is a flex row of label and value.
            cell: (o) => (
              <div>
                {o.subjectName ?? t("orders.list.noSubject")}
                {o.status === "DRAFT" && <span className={styles.sub}>{t("orders.list.stepAt", { step: t(`wizard.steps.${o.step}` as MessageKey) })}</span>}
                {o.status === "REJECTED" && o.rejectReason && <span className={styles.reason}>{t("orders.list.reason", { reason: o.rejectReason })}</span>}
                {o.offline && <span className={styles.sub}>{t("orders.list.offline")}</span>}
              </div>
            ),
          },
          { key: "type", header: t("orders.list.type"), cell: (o) => t(`orders.subjectType.${o.subjectType}` as MessageKey) },
          { key: "status", header: t("orders.list.status"), cell: (o) => <StatusBadge status={o.status} t={t} /> },
          { key: "amount", header: t("orders.list.amount"), align: "end", cell: (o) => <span className={styles.amount}>{o.priceFen === null ? "—" : formatFen(o.priceFen)}</span> },
          { key: "updated", header: t("orders.list.updated"), cell: (o) => formatTime(o.updatedAt, t.locale) },
          { key: "actions", header: t("orders.list.actions"), isLabelHiddenOnPhone: true, cell: (o) => {
              const cert = o.status === "COMPLETED" ? o.certificates[0] : undefined;
              return (
                <>
                  <OrderRowActions order={o} />
                  {(o.status === "APPROVED" || o.status === "COMPLETED") && (o.priceFen ?? 0) > 0 && (
                    <ButtonLink href={`/orders/${o.id}#invoice`} size="sm" variant="ghost" data-testid={`invoice-${o.no}`}>{t("invoices.card.title")}</ButtonLink>
                  )}
                  {cert && isReapplicable(cert) && <ReapplyCertificateButton certificateId={cert.id} testId={`reapply-cert-${o.no}`} />}
                </>
              );
            },
          },
        ]}
      />
    </div>
  );
}
