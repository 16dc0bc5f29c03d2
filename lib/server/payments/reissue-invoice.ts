import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { ZInvoiceFieldsSchema } from "./invoice-fields.types";
import { issueInvoice } from "./issue-invoice";

/**
 * Re-issues an invoice with corrected fields (a wrong address, bank or e-mail): the old one is marked
 * superseded (kept, as a voided fapiao is), the new one gets a new number and is e-mailed again.
 */
export async function reissueInvoice({ userId, invoiceId, fields }: { userId: string; invoiceId: string; fields: unknown }) {
  const parsed = ZInvoiceFieldsSchema.parse(fields);
  const old = await db.invoice.findFirst({ where: { id: invoiceId, order: { userId } }, select: { id: true, orderId: true, supersededAt: true, taxNumber: true } });
  if (!old) throw new AppError("not_found");
  if (old.supersededAt) throw new AppError("conflict", { userMessage: "payments.invoice.errors.superseded" });
  // The buyer's tax number is the subject's USCC: a re-issue may not move the invoice to another unit.
  const corrected = { ...parsed, taxNumber: old.taxNumber ?? parsed.taxNumber };
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Invoice" WHERE id = ${old.id} FOR UPDATE`;
      return issueInvoice({ orderId: old.orderId, reissueOf: old.id, fields: corrected, tx, actorId: userId });
    },
    { timeout: 30_000, maxWait: 15_000 },
  );
}
