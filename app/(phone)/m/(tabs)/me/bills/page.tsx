import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatFen } from "@/components/orders/format-fen";
import styles from "@/components/phone/phone.module.css";
import meStyles from "@/components/phone/me.module.css";
import { getT } from "@/lib/i18n/server";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";
import { listBills } from "@/lib/server/payments/list-bills";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("me.bills.metaTitle") };
}

// 账单管理: what was paid for which order, how and when, with the 付款凭证 and the invoice.
export default async function PhoneBillsPage() {
  const user = await requirePhoneUser({ next: "/m/me/bills" });
  const t = await getT();
  const bills = await listBills({ userId: user.id });
  const dateOf = (iso: string) => new Intl.DateTimeFormat(t.locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }).format(new Date(iso));
  return (
    <>
      <header className={styles.header}>
        <Link href="/m/me" className={styles.back} aria-label={t("phone.me.title")}>‹</Link>
        <h1>{t("me.bills.title")}</h1>
      </header>
      <p className={styles.note}>{t("me.bills.lead")}</p>
      {bills.length === 0 ? (
        <EmptyState title={t("me.bills.empty")} description={t("me.bills.emptyBody")} />
      ) : (
        <ul className={styles.list}>
          {bills.map((b) => (
            <li key={b.paymentId} className={styles.card} data-testid={`bill-${b.orderNo}`}>
              <div className={styles.cardTop}>
                <p className={styles.cardTitle}>{b.subjectName ?? t("me.bills.order", { no: b.orderNo })}</p>
                <strong data-testid="bill-amount">{formatFen(b.amountFen)}</strong>
              </div>
              <p className={styles.cardMeta}>{t("me.bills.order", { no: b.orderNo })}</p>
              <p className={styles.cardMeta}>
                {b.method ? t(`payments.method.${b.method}`) : "—"}
                {b.paidAt ? ` · ${t("me.bills.paidAt", { date: dateOf(b.paidAt) })}` : ""}
              </p>
              <div className={meStyles.row} style={{ marginTop: "var(--space-2)" }}>
                <Badge tone={b.status === "SUCCEEDED" ? "success" : b.status === "REFUNDED" ? "info" : "danger"}>{t(`payments.status.${b.status}`)}</Badge>
                <span className={styles.badges} style={{ gap: "var(--space-4)" }}>
                  {b.receiptUrl && <a href={b.receiptUrl} target="_blank" rel="noopener" data-testid="bill-receipt">{t("me.bills.receipt")}</a>}
                  {b.invoiceUrl ? (
                    <a href={b.invoiceUrl} target="_blank" rel="noopener" data-testid="bill-invoice">{t("me.bills.invoice")}</a>
                  ) : b.status === "SUCCEEDED" ? (
                    <Link href={`/m/me/invoices/${b.orderId}`} data-testid="bill-request-invoice">{t("invoices.card.request")}</Link>
                  ) : null}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
