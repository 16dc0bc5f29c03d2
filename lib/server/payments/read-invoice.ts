import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { orderWhere } from "@/lib/server/orders/order-where";
import { getFileStorage } from "@/lib/storage/get-file-storage";

/** The invoice (or red-letter note) PDF for whoever may see its order; NOT_FOUND for anyone else. */
export async function readInvoice({ userId, invoiceId }: { userId: string; invoiceId: string }) {
  const invoice = await db.invoice.findFirst({ where: { id: invoiceId, order: orderWhere({ userId }) } });
  if (!invoice?.storageKey) throw new AppError("not_found");
  return { bytes: await getFileStorage().get(invoice.storageKey), number: invoice.number, kind: invoice.kind, supersededAt: invoice.supersededAt };
}
