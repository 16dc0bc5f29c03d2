import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { buttonClassName } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { DetailRows } from "@/components/console/detail-rows";
import { ConsoleReissueForm } from "@/components/invoices/console-reissue-form";
import { InvoiceItem } from "@/components/invoices/invoice-item";
import styles from "@/components/console/console.module.css";
import invoiceStyles from "@/components/invoices/invoices.module.css";
import { isAppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { maskPhone } from "@/lib/server/auth/session-user";
import { requirePageUser } from "@/lib/server/auth/require-page-user";
import { consoleGetInvoice } from "@/lib/server/payments/console-invoices";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("invoices.console.detailTitle") };
}

// 发票详情: the order, every invoice and red-letter note of it (PDFs), and 红冲并重开 on the current one.
export default async function ConsoleInvoicePage({ params }: { params: Promise<{ invoiceId: string }> }) {
  const { invoiceId } = await params;
  const user = await requirePageUser({ permission: "invoices.manage", next: `/console/invoices/${invoiceId}` });
  const t = await getT();
  const data = await consoleGetInvoice({ staff: user, invoiceId }).catch((err: unknown) => {
    if (isAppError(err) && err.code === "not_found") notFound();
    throw err;
  });
  const holder = data.order.user;
  return (
    <div className={styles.page}>
      <PageHeader title={t("invoices.console.detailTitle")} breadcrumbs={[{ label: t("invoices.console.title"), href: "/console/invoices" }, { label: data.order.no }]} />
      <Card>
        <DetailRows
          rows={[
            [t("invoices.console.order"), <span key="o" className={styles.mono}>{data.order.no}</span>],
            [t("orders.detail.subject"), data.order.subjectName],
            [t("invoices.console.holder"), `${holder.realName ?? holder.name ?? ""} ${maskPhone(holder.phone)}`.trim()],
          ]}
        />
      </Card>
      <Card title={t("invoices.console.chain")}>
        <ul className={invoiceStyles.list}>
          {data.chain.map((i) => (
            <InvoiceItem key={i.id} invoice={i} t={t} locale={t.locale}>
              <div className={invoiceStyles.actions}>
                <a href={i.url} target="_blank" rel="noopener" className={buttonClassName({ variant: "outline", size: "sm" })} data-testid="console-invoice-download">{t("invoices.card.download")}</a>
              </div>
            </InvoiceItem>
          ))}
        </ul>
      </Card>
      {data.current && (
        <Card title={t("invoices.console.reissueTitle")}>
          <ConsoleReissueForm invoice={data.current} />
        </Card>
      )}
    </div>
  );
}
