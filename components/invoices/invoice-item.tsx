import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { formatFen } from "@/components/orders/format-fen";
import type { T } from "@/lib/i18n/translate";
import type { InvoiceView } from "@/lib/server/payments/invoices.types";
import styles from "./invoices.module.css";

const dateTime = (iso: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }).format(new Date(iso));

/** One invoice or red-letter note: kind, state, number, amount, date, address, what it reverses or replaces. */
export function InvoiceItem({ invoice: i, t, locale, children }: { invoice: InvoiceView; t: T; locale: string; children?: ReactNode }) {
  const tone = i.state === "current" ? "success" : i.state === "credit_note" ? "danger" : "neutral";
  const cls = [styles.item, i.kind === "RED" ? styles.itemRed : i.state === "current" ? styles.itemCurrent : styles.itemReversed].join(" ");
  return (
    <li className={cls} data-testid={`invoice-${i.number}`} data-kind={i.kind} data-state={i.state}>
      <div className={styles.head}>
        <Badge tone={i.kind === "RED" ? "danger" : "info"}>{t(`invoices.card.kinds.${i.kind}`)}</Badge>
        <Badge tone={tone}>{t(`invoices.card.states.${i.state}`)}</Badge>
      </div>
      <dl className={styles.facts}>
        <dt>{t("invoices.card.number")}</dt>
        <dd className={styles.number} data-testid="invoice-number">{i.number}</dd>
        <dt>{t("invoices.card.amount")}</dt>
        <dd className={i.amountFen < 0 ? styles.negative : styles.amount}>{formatFen(i.amountFen)}</dd>
        <dt>{t("invoices.card.issuedAt")}</dt>
        <dd>{dateTime(i.issuedAt, locale)}</dd>
        <dt>{t("invoices.card.email")}</dt>
        <dd>{i.email}</dd>
      </dl>
      {(i.reversesNumber || i.replacesNumber || i.note) && (
        <p className={styles.links}>
          {i.reversesNumber && t("invoices.card.reverses", { number: i.reversesNumber })}
          {i.replacesNumber && t("invoices.card.replaces", { number: i.replacesNumber })}
          {i.note && <><br />{t("invoices.card.note", { note: i.note })}</>}
        </p>
      )}
      {children}
    </li>
  );
}
