import type { Metadata } from "next";
import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { OrderStatus, Role } from "@/lib/generated/prisma/enums";
import { getT } from "@/lib/i18n/server";
import { hasPermission } from "@/lib/server/auth/permissions";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { db } from "@/lib/db/client";
import styles from "./overview.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("console.overview.metaTitle") };
}

const STATUS_TONE: Record<OrderStatus, BadgeTone> = {
  DRAFT: "neutral",
  AWAITING_PAYMENT: "warning",
  AWAITING_PAPER: "warning",
  IN_REVIEW: "info",
  REJECTED: "danger",
  APPROVED: "success",
  COMPLETED: "success",
  CANCELLED: "neutral",
};

export default async function ConsoleOverviewPage() {
  const user = await requirePageUser({ permission: "console.access", next: "/console" });
  const t = await getT();

  const [ordersByStatus, usersByRole] = await Promise.all([
    db.order.groupBy({ by: ["status"], _count: { _all: true } }),
    db.user.groupBy({ by: ["role"], _count: { _all: true } }),
  ]);

  // Every status and role is listed, with zero where nothing is counted.
  const orderCount = (s: OrderStatus) => ordersByStatus.find((g) => g.status === s)?._count._all ?? 0;
  const userCount = (r: Role) => usersByRole.find((g) => g.role === r)?._count._all ?? 0;
  const orderRows = Object.values(OrderStatus).map((status) => ({ status, count: orderCount(status) }));
  const roleRows = Object.values(Role).map((role) => ({ role, count: userCount(role) }));
  const ordersTotal = orderRows.reduce((n, r) => n + r.count, 0);
  const usersTotal = roleRows.reduce((n, r) => n + r.count, 0);
  const share = (n: number, total: number) => (total === 0 ? "—" : `${Math.round((n / total) * 100)}%`);
  const canReview = hasPermission(user.role, "orders.review");
  const countedAt = new Intl.DateTimeFormat(t.locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Shanghai",
  }).format(new Date());

  const stats = [
    { key: "in-review", label: t("console.overview.inReview"), value: orderCount("IN_REVIEW"), hint: t("console.overview.inReviewHint"), isPrimary: true },
    { key: "paper", label: t("console.overview.awaitingPaper"), value: orderCount("AWAITING_PAPER") },
    { key: "orders", label: t("console.overview.ordersTotal"), value: ordersTotal },
    { key: "users", label: t("console.overview.usersTotal"), value: usersTotal },
  ];

  return (
    <div className={styles.page}>
      <PageHeader
        title={t("console.overview.title")}
        description={
          <>
            {t("console.overview.lead")}
            <span className={styles.countedAt}>{t("console.overview.generatedAt", { time: countedAt })}</span>
          </>
        }
        actions={<Badge tone="info">{t("console.overview.signedInAs", { role: t(`console.roles.${user.role}`) })}</Badge>}
      />

      <ul className={styles.stats}>
        {stats.map((s) => (
          <li key={s.key} className={s.isPrimary ? `${styles.stat} ${styles.primary}` : styles.stat} data-testid={`stat-${s.key}`}>
            <span className={styles.statLabel}>{s.label}</span>
            <span className={styles.statValue}>{s.value.toLocaleString(t.locale)}</span>
            {s.hint && <span className={styles.statHint}>{s.hint}</span>}
            {s.isPrimary && canReview && (
              <Link href="/console/reviews" className={styles.statLink}>
                {t("console.overview.openQueue")} →
              </Link>
            )}
          </li>
        ))}
      </ul>

      <div className={styles.tables}>
        <Card title={t("console.overview.ordersByStatus")} padding="none">
          {ordersTotal === 0 ? (
            <div className={styles.emptyWrap}>
              <EmptyState title={t("console.overview.noOrders")} description={t("console.overview.noOrdersBody")} />
            </div>
          ) : (
            <Table
              className={styles.flatTable}
              caption={t("console.overview.ordersByStatus")}
              isCaptionHidden
              rows={orderRows}
              rowKey={(r) => r.status}
              columns={[
                {
                  key: "status",
                  header: t("console.overview.status"),
                  cell: (r) => <Badge tone={STATUS_TONE[r.status]}>{t(`orders.status.${r.status}`)}</Badge>,
                },
                { key: "count", header: t("console.overview.count"), align: "end", cell: (r) => r.count.toLocaleString(t.locale) },
                { key: "share", header: t("console.overview.share"), align: "end", cell: (r) => share(r.count, ordersTotal) },
              ]}
            />
          )}
        </Card>

        <Card title={t("console.overview.usersByRole")} padding="none">
          <Table
            className={styles.flatTable}
            caption={t("console.overview.usersByRole")}
            isCaptionHidden
            rows={roleRows}
            rowKey={(r) => r.role}
            columns={[
              { key: "role", header: t("console.overview.role"), cell: (r) => t(`console.roles.${r.role}`) },
              { key: "count", header: t("console.overview.count"), align: "end", cell: (r) => r.count.toLocaleString(t.locale) },
              { key: "share", header: t("console.overview.share"), align: "end", cell: (r) => share(r.count, usersTotal) },
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
