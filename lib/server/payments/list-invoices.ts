import { AppError } from "@/lib/errors";
import type { Invoice } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { orderWhere } from "@/lib/server/orders/order-where";
import type { TInvoiceFields } from "./invoice-fields.types";
import type { InvoiceView } from "./invoices.types";

export type { InvoiceView } from "./invoices.types";

type Row = Invoice & { reverses: { number: string } | null; replaces: { number: string } | null };

export function toInvoiceView(i: Row, urlBase = "/api/invoices"): InvoiceView {
  return {
    id: i.id,
    kind: i.kind,
    state: i.kind === "RED" ? "credit_note" : i.supersededAt ? "reversed" : "current",
    number: i.number,
    title: i.title,
    taxNumber: i.taxNumber,
    amountFen: i.amountFen,
    email: (i.fields as TInvoiceFields).email,
    fields: i.fields as TInvoiceFields,
    issuedAt: i.issuedAt.toISOString(),
    supersededAt: i.supersededAt?.toISOString() ?? null,
    reversesNumber: i.reverses?.number ?? null,
    replacesNumber: i.replaces?.number ?? null,
    note: i.note,
    url: `${urlBase}/${i.id}`,
  };
}

export const INVOICE_VIEW_INCLUDE = { reverses: { select: { number: true } }, replaces: { select: { number: true } } } as const;

/** An order's invoices and red-letter notes, the current invoice first, then newest first. */
export function sortInvoices(rows: InvoiceView[]): InvoiceView[] {
  return [...rows].sort((a, b) => Number(b.state === "current") - Number(a.state === "current") || b.issuedAt.localeCompare(a.issuedAt) || (a.kind === "RED" ? 1 : -1));
}

/** An order's invoices for whoever may see the order (the order page and 开票管理 list and re-issue them). */
export async function listInvoices({ userId, orderId }: { userId: string; orderId: string }): Promise<InvoiceView[]> {
  const order = await db.order.findFirst({ where: orderWhere({ userId, orderId }), select: { id: true } });
  if (!order) throw new AppError("not_found");
  const rows = await db.invoice.findMany({ where: { orderId }, include: INVOICE_VIEW_INCLUDE, orderBy: { issuedAt: "desc" } });
  return sortInvoices(rows.map((r) => toInvoiceView(r)));
}
