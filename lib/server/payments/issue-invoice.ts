import { AppError } from "@/lib/errors";
import type { Invoice } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { createInvoiceDocument } from "./create-invoice-document";
import { invoiceFieldsFromDraft, type TInvoiceFields } from "./invoice-fields.types";
import { queueInvoiceEmail } from "./queue-invoice-email";

/**
 * Issues the order's invoice: number, PDF in file storage, Invoice row, e-mail with the PDF attached
 * (through the job queue). At payment (no `fields`) it is idempotent: an order that has a current
 * invoice gets that one back, so a doubled payment signal issues one invoice; it returns null when the
 * order asked for none. A request after payment (`isRequest`) is refused when one exists (conflict):
 * 20 parallel requests issue one invoice (the one-current-invoice index decides). Runs in the caller's
 * transaction when `tx` is given.
 */
export async function issueInvoice({ orderId, fields, isRequest = false, tx, actorId = null }: { orderId: string; fields?: TInvoiceFields; isRequest?: boolean; tx?: Tx; actorId?: string | null }): Promise<Invoice | null> {
  if (!tx) return db.$transaction((t) => issueInvoice({ orderId, fields, isRequest, tx: t, actorId }), { timeout: 30_000, maxWait: 15_000 });

  const order = await tx.order.findUnique({ where: { id: orderId }, include: { payments: { where: { status: "SUCCEEDED" }, orderBy: { paidAt: "asc" }, take: 1 } } });
  if (!order) throw new AppError("not_found");
  const current = await tx.invoice.findFirst({ where: { orderId, kind: "BLUE", supersededAt: null } });
  if (current) {
    if (isRequest) throw new AppError("conflict", { userMessage: "invoices.errors.alreadyIssued" });
    return current;
  }
  const resolved = fields ?? invoiceFieldsFromDraft(order.draft, order.subjectName);
  if (!resolved) return null;
  const amountFen = order.payments[0]?.amountFen ?? order.priceFen ?? 0;
  const invoice = await createInvoiceDocument(tx, { order, kind: "BLUE", fields: resolved, amountFen, issuedById: isRequest ? actorId : null });
  await queueInvoiceEmail(tx, { to: resolved.email, orderNo: order.no, invoice });
  await writeAudit(tx, { actorId, action: "invoice.issued", targetType: "Invoice", targetId: invoice.id, data: { orderId, number: invoice.number, amountFen } });
  return invoice;
}
