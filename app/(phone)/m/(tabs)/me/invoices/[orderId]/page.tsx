import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { InvoicePanel } from "@/components/invoices/invoice-panel";
import styles from "@/components/phone/phone.module.css";
import { isAppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { requirePhoneUser } from "@/lib/server/auth/require-phone-user";
import { getOrderInvoicing } from "@/lib/server/payments/get-order-invoicing";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("invoices.phone.metaTitle") };
}

// One paid order's invoices on the phone: the same panel as the desk's order page.
export default async function PhoneOrderInvoicesPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const user = await requirePhoneUser({ next: `/m/me/invoices/${orderId}` });
  const t = await getT();
  const invoicing = await getOrderInvoicing({ userId: user.id, orderId }).catch((err: unknown) => {
    if (isAppError(err) && err.code === "not_found") notFound();
    throw err;
  });
  if (invoicing.paidFen === null) notFound();
  return (
    <>
      <header className={styles.header}>
        <Link href="/m/me/invoices" className={styles.back} aria-label={t("invoices.phone.back")}>‹</Link>
        <h1>{t("invoices.card.title")}</h1>
      </header>
      <p className={styles.note}>{t("orders.detail.title", { no: invoicing.orderNo })} · {invoicing.subjectName}</p>
      <Card>
        <InvoicePanel invoicing={invoicing} />
      </Card>
    </>
  );
}
