import { findOrderSeal } from "@/lib/server/seals/find-order-seal";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/catalogue";
import { isAppError } from "@/lib/errors";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { getOrderDetail } from "@/lib/server/orders/get-order-detail";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatFen } from "@/components/orders/format-fen";
import { OrderRowActions } from "@/components/orders/order-row-actions";
import { OrderTimeline, formatTime } from "@/components/orders/order-timeline";
import { StatusBadge } from "@/components/orders/status-badge";
import { PhoneHandoff } from "@/components/handoff/phone-handoff";
import { InvoicePanel } from "@/components/invoices/invoice-panel";
import { getOrderInvoicing } from "@/lib/server/payments/get-order-invoicing";
import { getOrderShipment } from "@/lib/server/shipping/get-order-shipment";
import { ShipmentCard } from "@/components/shipping/shipment-card";
import { toShipmentView } from "@/components/shipping/shipment-view";
import styles from "@/components/orders/orders.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orders.detail.summary") };
}

// The order page: status, what happens next, and the timeline.
export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser({ next: `/orders/${id}` });
  const t = await getT();
  const order = await getOrderDetail({ userId: user.id, orderId: id }).catch((err: unknown) => {
    if (isAppError(err) && err.code === "not_found") notFound();
    throw err;
  });
  const amount = formatFen(order.priceFen ?? 0);
  // 审核通过后支付: reviewed first (unpaid), then approved and waiting for the payment.
  const isUnpaidReview = order.status === "IN_REVIEW" && !order.paidAt && (order.priceFen ?? 0) > 0;
  const notice =
    isUnpaidReview ? { tone: "info" as const, text: t("payAfterApproval.order.reviewFirst", { amount }) }
    : order.status === "AWAITING_PAYMENT" && order.approvedAt ? { tone: "success" as const, text: t("payAfterApproval.order.approvedToPay", { amount }) }
    : order.status === "IN_REVIEW" ? { tone: "info" as const, text: t("orders.detail.reviewNotice") }
    : order.status === "APPROVED" ? { tone: "success" as const, text: t("orders.detail.approvedNotice") }
    : order.status === "AWAITING_PAPER" ? { tone: "warning" as const, text: t("orders.detail.paperNotice", { address: order.channel.mailingAddress ?? "" }) }
    : order.status === "REJECTED" ? { tone: "error" as const, text: t("orders.detail.rejectedNotice", { reason: order.rejectReason ?? "" }) }
    : null;
  const [seal, invoicing, shipment] = await Promise.all([
    findOrderSeal({ userId: user.id, orderId: order.id }),
    getOrderInvoicing({ userId: user.id, orderId: order.id }),
    getOrderShipment({ userId: user.id, orderId: order.id }),
  ]);
  const rows: Array<[string, string | null]> = [
    [t("orders.detail.subject"), order.subjectName],
    [t("orders.detail.type"), t(`orders.subjectType.${order.subjectType}` as MessageKey)],
    [t("orders.detail.validity"), order.years ? t("orders.detail.years", { years: order.years }) : null],
    [t("orders.detail.amount"), order.priceFen === null ? null : order.priceFen === 0 ? t("orders.detail.free") : formatFen(order.priceFen)],
    [t("orders.detail.platform"), order.platform ? (t.locale === "en" && order.platform.nameEn ? order.platform.nameEn : order.platform.name) : null],
    [t("orders.detail.created"), formatTime(order.createdAt, t.locale)],
    [t("orders.detail.submitted"), order.submittedAt ? formatTime(order.submittedAt, t.locale) : null],
    [t("orders.detail.paid"), order.paidAt ? formatTime(order.paidAt, t.locale) : null],
  ];
  return (
    <div className={styles.page}>
      <PageHeader
        title={t("orders.detail.title", { no: order.no })}
        breadcrumbs={[{ label: t("orders.title"), href: "/orders" }, { label: order.no }]}
        actions={<StatusBadge status={order.status} t={t} />}
      />
      {notice && <Alert tone={notice.tone} isLive={false} data-testid="order-notice">{notice.text}</Alert>}
      {order.status === "APPROVED" && (
        <PhoneHandoff path={`/m/download/${order.id}`} title={t("handoff.download.title")} lead={t("handoff.download.lead")} testId="download-handoff" />
      )}
      <div className={styles.grid}>
        <Card title={t("orders.detail.summary")}>
          <dl className={styles.dl}>
            {rows.filter(([, v]) => v).map(([k, v]) => (
              <div key={k} style={{ display: "contents" }}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          <div style={{ marginTop: "var(--space-4)" }}>
            <OrderRowActions order={order} showView={false} />
            {order.offline && (
              <ButtonLink href={`/api/orders/${order.id}/application-form`} variant="outline" size="sm" prefetch={false}>
                {t("orders.detail.downloadForm")}
              </ButtonLink>
            )}
          </div>
        </Card>
        {seal && (
          <Card title={t("seals.order.title")} data-testid="order-seal">
            <p>
              {seal.name} · {t(`seals.statuses.${seal.status}`)}
            </p>
            {seal.status === "AWAITING_IMAGE" && <p>{t("seals.order.awaiting")}</p>}
            <ButtonLink href={seal.href} variant="outline" size="sm">{t("seals.order.open")}</ButtonLink>
          </Card>
        )}
        {shipment && (
          <Card title={t("shipping.card.title")} id="shipment">
            <ShipmentCard orderId={order.id} shipment={toShipmentView(shipment, t.locale)} />
          </Card>
        )}
        {invoicing.paidFen !== null && (
          <Card title={t("invoices.card.title")} id="invoice">
            <InvoicePanel invoicing={invoicing} />
          </Card>
        )}
        <Card title={t("orders.detail.timeline")}>
          <OrderTimeline events={order.events} t={t} locale={t.locale} />
        </Card>
      </div>
    </div>
  );
}
