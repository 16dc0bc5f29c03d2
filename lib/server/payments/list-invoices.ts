import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";

export type InvoiceView = { id: string; number: string; title: string; taxNumber: string | null; amountFen: number; issuedAt: string; supersededAt: string | null; url: string };

/** An order's invoices, current first, for its owner (the order page lists and re-issues them). */
export async function listInvoices({ userId, orderId }: { userId: string; orderId: string }): Promise<InvoiceView[]> {
  const order = await db.order.findFirst({ where: { id: orderId, userId }, select: { id: true } });
  if (!order) throw new AppError("not_found");
  const rows = await db.invoice.findMany({ where: { orderId }, orderBy: [{ supersededAt: { sort: "desc", nulls: "first" } }, { issuedAt: "desc" }] });
  return rows.map((i) => ({
    id: i.id,
    number: i.number,
    title: i.title,
    taxNumber: i.taxNumber,
    amountFen: i.amountFen,
    issuedAt: i.issuedAt.toISOString(),
    supersededAt: i.supersededAt?.toISOString() ?? null,
    url: `/api/invoices/${i.id}`,
  }));
}
