import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { orderWhere } from "@/lib/server/orders/order-where";
import { invoiceBuyer } from "./invoice-buyer";
import { ZInvoiceRequestSchema } from "./invoice-fields.types";
import { issueInvoice } from "./issue-invoice";

/**
 * 申请发票 after payment, for an order that has none (it asked for none at the goods step, or was paid
 * before invoices existed): the buyer gives the e-mail and the optional address, phone, bank and
 * account; the title and tax number are the subject's. Refused for an unpaid or cancelled order and
 * for one that has an invoice already (re-issue that one instead): one outcome under concurrency.
 */
export async function requestInvoice({ userId, orderId, input }: { userId: string; orderId: string; input: unknown }) {
  const fields = ZInvoiceRequestSchema.parse(input);
  const order = await db.order.findFirst({
    where: orderWhere({ userId, orderId }),
    select: { id: true, status: true, subjectType: true, subjectName: true, subjectKey: true, draft: true, org: { select: { name: true, uscc: true } }, payments: { where: { status: "SUCCEEDED", amountFen: { gt: 0 } }, select: { id: true }, take: 1 } },
  });
  if (!order) throw new AppError("not_found");
  if (order.status === "CANCELLED" || order.payments.length === 0) throw new AppError("conflict", { userMessage: "invoices.errors.notPaid" });
  const buyer = invoiceBuyer(order);
  if (!buyer.title) throw new AppError("conflict", { userMessage: "invoices.errors.noSubject" });
  const invoice = await issueInvoice({ orderId: order.id, fields: { ...fields, title: buyer.title, taxNumber: buyer.taxNumber }, isRequest: true, actorId: userId });
  return invoice!;
}
