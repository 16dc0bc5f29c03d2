import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { orderWhere } from "@/lib/server/orders/order-where";
import { invoiceBuyer, invoiceFormDefaults } from "./invoice-buyer";
import type { TInvoiceFields } from "./invoice-fields.types";
import type { OrderInvoicing } from "./invoices.types";
import { INVOICE_VIEW_INCLUDE, sortInvoices, toInvoiceView } from "./list-invoices";

const SELECT = {
  id: true,
  no: true,
  status: true,
  subjectType: true,
  subjectName: true,
  subjectKey: true,
  draft: true,
  org: { select: { name: true, uscc: true } },
  payments: { where: { status: "SUCCEEDED" as const, amountFen: { gt: 0 } }, orderBy: { paidAt: "asc" as const }, take: 1, select: { amountFen: true, paidAt: true } },
  invoices: { include: INVOICE_VIEW_INCLUDE, orderBy: { issuedAt: "desc" as const } },
  user: { select: { email: true } },
};

type Loaded = NonNullable<Awaited<ReturnType<typeof loadOne>>>;
const loadOne = (userId: string, orderId: string) => db.order.findFirst({ where: orderWhere({ userId, orderId }), select: SELECT });

function toInvoicing(order: Loaded): OrderInvoicing {
  const invoices = sortInvoices(order.invoices.map((i) => toInvoiceView(i)));
  const current = invoices.find((i) => i.state === "current") ?? null;
  const paid = order.payments[0];
  const last = order.invoices.find((i) => i.kind === "BLUE");
  return {
    orderId: order.id,
    orderNo: order.no,
    subjectName: order.subjectName,
    paidFen: paid?.amountFen ?? null,
    paidAt: paid?.paidAt?.toISOString() ?? null,
    buyer: invoiceBuyer(order),
    invoices,
    current,
    canRequest: Boolean(paid) && order.status !== "CANCELLED" && !current,
    defaults: invoiceFormDefaults(order, { last: (last?.fields as TInvoiceFields | undefined) ?? null, accountEmail: order.user.email }),
  };
}

/** The invoice card of one order (desk order page, phone 开票管理): its invoices and whether one may be asked for. */
export async function getOrderInvoicing({ userId, orderId }: { userId: string; orderId: string }): Promise<OrderInvoicing> {
  const order = await loadOne(userId, orderId);
  if (!order) throw new AppError("not_found");
  return toInvoicing(order);
}

/** 开票管理: every paid order the caller may see, newest payment first, with its invoices. */
export async function listInvoiceOrders({ userId }: { userId: string }): Promise<OrderInvoicing[]> {
  const orders = await db.order.findMany({
    where: { AND: [orderWhere({ userId }), { payments: { some: { status: "SUCCEEDED", amountFen: { gt: 0 } } } }] },
    select: SELECT,
    orderBy: { paidAt: "desc" },
    take: 100,
  });
  return orders.map(toInvoicing);
}
