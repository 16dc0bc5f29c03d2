import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { orderWhere } from "@/lib/server/orders/order-where";
import { consumeRateLimit } from "@/lib/server/security/rate-limit";
import { ZEmailInvoiceSchema, type TInvoiceFields } from "./invoice-fields.types";
import { queueInvoiceEmail } from "./queue-invoice-email";

// Sending again is for a lost mail, not a mailing list: a few per invoice an hour, a day's cap per account.
export const INVOICE_EMAIL_LIMITS = { perInvoice: [{ seconds: 3600, max: 5 }], perUser: [{ seconds: 86_400, max: 30 }] };

/**
 * 发送到邮箱: e-mails an invoice (or red-letter note) again, to the address on it or another one. The
 * limit takes its hit first, atomically, so 20 parallel sends queue 5 e-mails.
 */
export async function emailInvoice({ userId, invoiceId, input }: { userId: string; invoiceId: string; input: unknown }): Promise<{ to: string }> {
  const { email } = ZEmailInvoiceSchema.parse(input ?? {});
  const invoice = await db.invoice.findFirst({ where: { id: invoiceId, order: orderWhere({ userId }) }, include: { order: { select: { no: true } } } });
  if (!invoice?.storageKey) throw new AppError("not_found");
  const to = email ?? (invoice.fields as TInvoiceFields).email;
  await consumeRateLimit(db, `invoice-email:${invoice.id}`, INVOICE_EMAIL_LIMITS.perInvoice);
  await consumeRateLimit(db, `invoice-email-user:${userId}`, INVOICE_EMAIL_LIMITS.perUser);
  await db.$transaction(async (tx) => {
    await queueInvoiceEmail(tx, { to, orderNo: invoice.order.no, invoice });
    await writeAudit(tx, { actorId: userId, action: "invoice.emailed", targetType: "Invoice", targetId: invoice.id, data: { orderId: invoice.orderId, number: invoice.number, isOtherAddress: to !== (invoice.fields as TInvoiceFields).email } });
  });
  return { to };
}
