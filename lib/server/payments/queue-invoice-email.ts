import type { Invoice } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { translator } from "@/lib/i18n/translate";
import { queueEmail } from "@/lib/server/notify/queue-email";
import { formatYuan } from "./amount-in-words";

const attachment = (i: Invoice) => ({ filename: `${i.kind === "RED" ? "credit-note" : "invoice"}-${i.number}.pdf`, storageKey: i.storageKey!, contentType: "application/pdf" });

/**
 * The e-mail that carries invoices as PDF attachments (through the job queue): the new invoice, and on a
 * re-issue the red-letter note too, so the buyer's accounts get both. In Chinese, as the documents are.
 */
export async function queueInvoiceEmail(tx: Tx, { to, orderNo, invoice, creditNote }: { to: string; orderNo: string; invoice: Invoice; creditNote?: Invoice }) {
  const t = translator("zh-CN");
  const params = { orderNo, number: invoice.number, amount: formatYuan(invoice.amountFen) };
  await queueEmail(tx, {
    to,
    subject: t("payments.invoice.emailSubject", params),
    text: creditNote ? t("invoices.email.reissuedBody", { ...params, redNumber: creditNote.number }) : t("payments.invoice.emailBody", params),
    template: "invoice",
    attachments: [...(creditNote ? [attachment(creditNote)] : []), attachment(invoice)],
  });
}
