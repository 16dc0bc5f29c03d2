import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { orderWhere } from "@/lib/server/orders/order-where";
import { ZInvoiceRequestSchema } from "./invoice-fields.types";
import { reissueInvoiceCore } from "./reissue-invoice-core";

/**
 * The buyer re-issues an invoice with corrected fields (a wrong address, bank or e-mail): 红冲 + 重开
 * (reissueInvoiceCore). Anyone who may see the order may do it; any other invoice is NOT_FOUND.
 */
export async function reissueInvoice({ userId, invoiceId, fields }: { userId: string; invoiceId: string; fields: unknown }) {
  const input = ZInvoiceRequestSchema.parse(fields);
  const old = await db.invoice.findFirst({ where: { id: invoiceId, kind: "BLUE", order: orderWhere({ userId }) }, select: { id: true, supersededAt: true } });
  if (!old) throw new AppError("not_found");
  if (old.supersededAt) throw new AppError("conflict", { userMessage: "payments.invoice.errors.superseded" });
  const { invoice } = await db.$transaction((tx) => reissueInvoiceCore(tx, { invoiceId: old.id, input, actorId: userId }), { timeout: 30_000, maxWait: 15_000 });
  return invoice;
}
