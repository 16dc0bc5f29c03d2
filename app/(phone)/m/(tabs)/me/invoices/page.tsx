import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatFen } from "@/components/orders/format-fen";
import styles from "@/components/phone/phone.module.css";
import { getT } from "@/lib/i18n/server";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";
import { listInvoiceOrders } from "@/lib/server/payments/get-order-invoicing";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("invoices.phone.metaTitle") };
}

// 开票管理 (我的): every paid order with its invoice state; each opens its invoices.
export default async function PhoneInvoicesPage() {
  const user = await requirePhoneUser({ next: "/m/me/invoices" });
  const t = await getT();
  const orders = await listInvoiceOrders({ userId: user.id });
  const dateOf = (iso: string) => new Intl.DateTimeFormat(t.locale, { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(new Date(iso));
  return (
    <>
      <header className={styles.header}>
        <Link href="/m/me" className={styles.back} aria-label={t("phone.me.title")}>‹</Link>
        <h1>{t("invoices.phone.title")}</h1>
      </header>
      <p className={styles.note}>{t("invoices.phone.lead")}</p>
      {orders.length === 0 ? (
        <EmptyState title={t("invoices.phone.empty")} description={t("invoices.phone.emptyBody")} />
      ) : (
        <ul className={styles.list}>
          {orders.map((o) => (
            <li key={o.orderId}>
              <Link href={`/m/me/invoices/${o.orderId}`} className={styles.card} data-testid={`invoice-order-${o.orderNo}`}>
                <div className={styles.cardTop}>
                  <p className={styles.cardTitle}>{o.subjectName ?? o.orderNo}</p>
                  <Badge tone={o.current ? "success" : "warning"}>{o.current ? t("invoices.phone.invoiced") : t("invoices.phone.notInvoiced")}</Badge>
                </div>
                <p className={styles.cardMeta}>{t("orders.detail.title", { no: o.orderNo })}</p>
                <p className={styles.cardMeta}>{t("invoices.phone.paid", { amount: formatFen(o.paidFen ?? 0), date: o.paidAt ? dateOf(o.paidAt) : "—" })}</p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
