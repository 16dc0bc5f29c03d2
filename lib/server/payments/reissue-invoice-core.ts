import { AppError } from "@/lib/errors";
import type { Invoice } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { createInvoiceDocument } from "./create-invoice-document";
import type { TInvoiceFields, TInvoiceRequest } from "./invoice-fields.types";
import { queueInvoiceEmail } from "./queue-invoice-email";

/**
 * 红冲 + 重开, for the buyer and for CA staff alike: the current invoice is reversed by a red-letter
 * note (negative amount, its number printed on the note) and a new invoice with the corrected fields
 * replaces it; all three are kept. The reversal is one conditional update (supersededAt from null), so
 * of 20 parallel re-issues one goes through and the rest get conflict. Title and tax number stay the
 * subject's. Both PDFs are e-mailed together to the new invoice's address (the note records that address).
 */
export async function reissueInvoiceCore(tx: Tx, { invoiceId, input, actorId, note = null }: { invoiceId: string; input: TInvoiceRequest; actorId: string; note?: string | null }): Promise<{ invoice: Invoice; creditNote: Invoice }> {
  const old = await tx.invoice.findUnique({ where: { id: invoiceId }, include: { order: { select: { id: true, no: true } } } });
  if (!old || old.kind !== "BLUE") throw new AppError("not_found");
  const reversedAt = new Date();
  const claimed = await tx.invoice.updateMany({ where: { id: old.id, kind: "BLUE", supersededAt: null }, data: { supersededAt: reversedAt } });
  if (claimed.count !== 1) throw new AppError("conflict", { userMessage: "payments.invoice.errors.superseded" });

  const before = old.fields as TInvoiceFields;
  const fields: TInvoiceFields = { ...input, title: old.title, taxNumber: old.taxNumber ?? undefined };
  const creditNote = await createInvoiceDocument(tx, { order: old.order, kind: "RED", fields: { ...before, email: fields.email, title: old.title, taxNumber: old.taxNumber ?? undefined }, amountFen: -old.amountFen, reverses: old, issuedById: actorId });
  const invoice = await createInvoiceDocument(tx, { order: old.order, kind: "BLUE", fields, amountFen: old.amountFen, replaces: old, issuedById: actorId, note });
  await queueInvoiceEmail(tx, { to: fields.email, orderNo: old.order.no, invoice, creditNote });
  await writeAudit(tx, { actorId, action: "invoice.reversed", targetType: "Invoice", targetId: creditNote.id, data: { orderId: old.orderId, number: creditNote.number, reverses: old.number, amountFen: creditNote.amountFen } });
  await writeAudit(tx, { actorId, action: "invoice.reissued", targetType: "Invoice", targetId: invoice.id, data: { orderId: old.orderId, number: invoice.number, amountFen: invoice.amountFen, supersedes: old.number, ...(note ? { note } : {}) } });
  return { invoice, creditNote };
}
