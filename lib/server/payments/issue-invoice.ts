import { randomInt } from "node:crypto";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/translate";
import type { Invoice } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { queueEmail } from "@/lib/server/notify/queue-email";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { formatYuan } from "./amount-in-words";
import { invoiceFieldsFromDraft, type TInvoiceFields } from "./invoice-fields.types";
import { renderInvoicePdf } from "./render-invoice-pdf";

// 20 digits like a 全电发票 number: the date (yyyymmdd) then 12 random digits.
function invoiceNumber(at: Date): string {
  const day = at.toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" }).replaceAll("-", "");
  return day + String(randomInt(0, 1_000_000)).padStart(6, "0") + String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/**
 * Issues the order's invoice: number, PDF in file storage, Invoice row, e-mail with the PDF attached
 * (through the job queue). Without `reissueOf` it is idempotent: an order that has a current invoice
 * gets that one back, so a doubled payment signal issues one invoice. Returns null when the order
 * asked for none. Runs in the caller's transaction when `tx` is given.
 */
export async function issueInvoice({ orderId, reissueOf, fields, tx, actorId = null }: { orderId: string; reissueOf?: string; fields?: TInvoiceFields; tx?: Tx; actorId?: string | null }): Promise<Invoice | null> {
  if (!tx) return db.$transaction((t) => issueInvoice({ orderId, reissueOf, fields, tx: t, actorId }), { timeout: 30_000, maxWait: 15_000 });

  const order = await tx.order.findUnique({ where: { id: orderId }, include: { payments: { where: { status: "SUCCEEDED" }, orderBy: { paidAt: "asc" }, take: 1 } } });
  if (!order) throw new AppError("not_found");
  const current = await tx.invoice.findFirst({ where: { orderId, supersededAt: null }, orderBy: { issuedAt: "desc" } });
  if (!reissueOf && current) return current;
  const previous = reissueOf ? await tx.invoice.findFirst({ where: { id: reissueOf, orderId } }) : null;
  if (reissueOf && (!previous || previous.supersededAt)) throw new AppError("conflict", { userMessage: "payments.invoice.errors.superseded" });

  const resolved = fields ?? invoiceFieldsFromDraft(order.draft, order.subjectName);
  if (!resolved) return null;
  const amountFen = order.payments[0]?.amountFen ?? order.priceFen ?? 0;
  const issuedAt = new Date();
  const number = invoiceNumber(issuedAt);
  const pdf = await renderInvoicePdf({ number, issuedAt, orderNo: order.no, amountFen, fields: resolved, reissueOfNumber: previous?.number });
  const storageKey = `invoices/${orderId}/${number}.pdf`;
  await getFileStorage().put(storageKey, pdf, "application/pdf");

  if (previous) await tx.invoice.update({ where: { id: previous.id }, data: { supersededAt: issuedAt } });
  const invoice = await tx.invoice.create({
    data: { orderId, number, title: resolved.title, taxNumber: resolved.taxNumber ?? null, fields: resolved, amountFen, storageKey, issuedAt },
  });
  const t = translator("zh-CN");
  const params = { orderNo: order.no, number, amount: formatYuan(amountFen) };
  await queueEmail(tx, {
    to: resolved.email,
    subject: t("payments.invoice.emailSubject", params),
    text: t("payments.invoice.emailBody", params),
    template: "invoice",
    attachments: [{ filename: `invoice-${number}.pdf`, storageKey, contentType: "application/pdf" }],
  });
  await writeAudit(tx, {
    actorId,
    action: previous ? "invoice.reissued" : "invoice.issued",
    targetType: "Invoice",
    targetId: invoice.id,
    data: { orderId, number, amountFen, ...(previous ? { supersedes: previous.number } : {}) },
  });
  return invoice;
}
