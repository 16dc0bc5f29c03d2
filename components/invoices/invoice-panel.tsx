"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClassName } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useLocale, useT } from "@/lib/i18n/client";
import { emailInvoiceAction, reissueInvoiceAction, requestInvoiceAction } from "@/lib/actions/payments/invoice-actions";
import type { InvoiceView, OrderInvoicing } from "@/lib/server/payments/invoices.types";
import { InvoiceForm } from "./invoice-form";
import { InvoiceItem } from "./invoice-item";
import styles from "./invoices.module.css";

type Open = { kind: "request" } | { kind: "reissue"; id: string } | { kind: "email"; id: string } | null;

/**
 * 发票 of one order, for its buyer (desk order page, phone 开票管理): 申请发票 when there is none,
 * then each invoice and red-letter note with 下载 PDF and 发送到邮箱, and 重开发票 (红冲 + 重开) on the
 * current one.
 */
export function InvoicePanel({ invoicing }: { invoicing: OrderInvoicing }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sendTo, setSendTo] = useState("");
  const [isSending, setSending] = useState(false);

  const done = (text: string) => {
    setOpen(null);
    setError(null);
    setNotice(text);
    router.refresh();
  };

  async function send(invoice: InvoiceView) {
    setSending(true);
    setError(null);
    const res = await emailInvoiceAction(invoice.id, { email: sendTo.trim() || undefined });
    setSending(false);
    if (!res.ok) return setError(res.error.fields?.email?.[0] ? t("payments.invoice.errors.emailInvalid") : res.error.message);
    setSendTo("");
    done(t("invoices.card.sent", { email: res.data.to }));
  }

  return (
    <div className={styles.panel} data-testid="invoice-panel">
      {notice && <Alert tone="success" data-testid="invoice-notice">{notice}</Alert>}
      {error && <Alert tone="error" data-testid="invoice-error">{error}</Alert>}
      {invoicing.canRequest &&
        (open?.kind === "request" ? (
          <InvoiceForm
            buyer={invoicing.buyer}
            defaults={invoicing.defaults}
            submitLabel={t("invoices.card.submitRequest")}
            testId="invoice-request-form"
            onCancel={() => setOpen(null)}
            onSubmit={async (values) => {
              const res = await requestInvoiceAction(invoicing.orderId, values);
              if (res.ok) done(t("invoices.card.requested", { email: values.email }));
              return res;
            }}
          />
        ) : (
          <div className={styles.actions}>
            <p className={styles.lead}>{t("invoices.card.none")}</p>
            <Button onClick={() => setOpen({ kind: "request" })} data-testid="invoice-request">{t("invoices.card.request")}</Button>
          </div>
        ))}
      {invoicing.invoices.length > 0 && (
        <ul className={styles.list}>
          {invoicing.invoices.map((i) => (
            <InvoiceItem key={i.id} invoice={i} t={t} locale={locale}>
              <div className={styles.actions}>
                <a href={i.url} target="_blank" rel="noopener" className={buttonClassName({ variant: "outline", size: "sm" })} data-testid="invoice-download">{t("invoices.card.download")}</a>
                <Button size="sm" variant="outline" onClick={() => setOpen(open?.kind === "email" && open.id === i.id ? null : { kind: "email", id: i.id })} data-testid="invoice-email">
                  {t("invoices.card.sendEmail")}
                </Button>
                {i.state === "current" && (
                  <Button size="sm" variant="outline" onClick={() => setOpen(open?.kind === "reissue" ? null : { kind: "reissue", id: i.id })} data-testid="invoice-reissue">
                    {t("invoices.card.reissue")}
                  </Button>
                )}
              </div>
              {open?.kind === "email" && open.id === i.id && (
                <div className={styles.form}>
                  <label className={styles.lead} htmlFor={`send-${i.id}`}>{t("invoices.card.sendTo", { email: i.email })}</label>
                  <div className={styles.actions}>
                    <Input id={`send-${i.id}`} type="email" inputMode="email" value={sendTo} onChange={(e) => setSendTo(e.target.value)} maxLength={100} data-testid="invoice-email-to" />
                    <Button size="sm" onClick={() => send(i)} isLoading={isSending} data-testid="invoice-email-send">{t("invoices.card.send")}</Button>
                  </div>
                </div>
              )}
              {open?.kind === "reissue" && open.id === i.id && (
                <InvoiceForm
                  buyer={{ title: i.title, taxNumber: i.taxNumber ?? undefined }}
                  defaults={{ email: i.fields.email, address: i.fields.address ?? "", phone: i.fields.phone ?? "", bank: i.fields.bank ?? "", account: i.fields.account ?? "" }}
                  lead={t("invoices.card.reissueLead")}
                  submitLabel={t("invoices.card.submitReissue")}
                  testId="invoice-reissue-form"
                  onCancel={() => setOpen(null)}
                  onSubmit={async (values) => {
                    const res = await reissueInvoiceAction(i.id, values);
                    if (res.ok) done(t("invoices.card.reissued", { number: res.data.number, email: values.email }));
                    return res;
                  }}
                />
              )}
            </InvoiceItem>
          ))}
        </ul>
      )}
    </div>
  );
}
