import { db } from "@/lib/db/client";
import { orderWhere } from "@/lib/server/orders/order-where";

export type BillView = {
  paymentId: string;
  orderId: string;
  orderNo: string;
  subjectName: string | null;
  status: "PENDING" | "SUCCEEDED" | "FAILED" | "CANCELLED" | "REFUNDED";
  method: "alipay" | "wechat_pay" | null;
  amountFen: number;
  createdAt: string;
  paidAt: string | null;
  /** 付款凭证 (PDF) for money that was taken: paid or refunded. */
  receiptUrl: string | null;
  /** The order's current invoice, when there is one. */
  invoiceUrl: string | null;
};

/**
 * 账单管理: the payments of every order the caller may see, newest first: what was paid, how, when,
 * and what became of it (a second payment of a doubled scan shows as refunded), with the receipt and
 * the invoice where they exist. Payments that never got past PENDING or were cancelled are left out
 * unless `all`: a QR that was shown but not scanned is not a bill.
 */
export async function listBills({ userId, all = false }: { userId: string; all?: boolean }): Promise<BillView[]> {
  const rows = await db.payment.findMany({
    where: { order: orderWhere({ userId }), ...(all ? {} : { status: { in: ["SUCCEEDED", "REFUNDED", "FAILED"] } }) },
    include: { order: { select: { id: true, no: true, subjectName: true, invoices: { where: { kind: "BLUE", supersededAt: null }, select: { id: true }, take: 1 } } } },
    orderBy: [{ paidAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    take: 200,
  });
  return rows.map((p) => ({
    paymentId: p.id,
    orderId: p.order.id,
    orderNo: p.order.no,
    subjectName: p.order.subjectName,
    status: p.status,
    method: p.method,
    amountFen: p.amountFen,
    createdAt: p.createdAt.toISOString(),
    paidAt: p.paidAt?.toISOString() ?? null,
    receiptUrl: p.status === "SUCCEEDED" || p.status === "REFUNDED" ? `/api/payments/${p.id}/receipt` : null,
    invoiceUrl: p.status === "SUCCEEDED" && p.order.invoices[0] ? `/api/invoices/${p.order.invoices[0].id}` : null,
  }));
}
