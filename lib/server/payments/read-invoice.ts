import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { getFileStorage } from "@/lib/storage/get-file-storage";

/** The invoice PDF for its order's owner; NOT_FOUND for anyone else. */
export async function readInvoice({ userId, invoiceId }: { userId: string; invoiceId: string }) {
  const invoice = await db.invoice.findFirst({ where: { id: invoiceId, order: { userId } } });
  if (!invoice?.storageKey) throw new AppError("not_found");
  return { bytes: await getFileStorage().get(invoice.storageKey), number: invoice.number, supersededAt: invoice.supersededAt };
}
