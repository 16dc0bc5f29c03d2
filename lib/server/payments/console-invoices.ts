import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { assertPermission } from "@/lib/server/auth/permissions";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { INVOICE_VIEW_INCLUDE, sortInvoices, toInvoiceView } from "./list-invoices";

type Staff = { role: Role };
const CONSOLE_URL = "/api/console/invoices";

/** 发票管理: the newest invoices and red-letter notes, or those whose number, order number or title contains `q`. */
export async function consoleListInvoices({ staff, q }: { staff: Staff; q?: string }) {
  assertPermission(staff, "invoices.manage");
  const term = q?.trim().slice(0, 60);
  const where: Prisma.InvoiceWhereInput = term
    ? { OR: [{ number: { contains: term } }, { title: { contains: term } }, { order: { no: { contains: term } } }] }
    : {};
  const rows = await db.invoice.findMany({ where, include: { ...INVOICE_VIEW_INCLUDE, order: { select: { id: true, no: true } } }, orderBy: { issuedAt: "desc" }, take: 100 });
  return rows.map((r) => ({ ...toInvoiceView(r, CONSOLE_URL), orderId: r.order.id, orderNo: r.order.no }));
}

/** One invoice with every invoice of its order (the chain of 红冲 and 重开) and who asked for the order. */
export async function consoleGetInvoice({ staff, invoiceId }: { staff: Staff; invoiceId: string }) {
  assertPermission(staff, "invoices.manage");
  const invoice = await db.invoice.findUnique({
    where: { id: invoiceId },
    include: { order: { select: { id: true, no: true, subjectName: true, status: true, user: { select: { name: true, realName: true, phone: true } }, invoices: { include: INVOICE_VIEW_INCLUDE, orderBy: { issuedAt: "desc" } } } } },
  });
  if (!invoice) throw new AppError("not_found");
  const chain = sortInvoices(invoice.order.invoices.map((i) => toInvoiceView(i, CONSOLE_URL)));
  return { id: invoice.id, order: { id: invoice.order.id, no: invoice.order.no, subjectName: invoice.order.subjectName, status: invoice.order.status, user: invoice.order.user }, chain, current: chain.find((i) => i.state === "current") ?? null };
}

/** Any invoice's PDF, for CA staff. */
export async function consoleReadInvoice({ staff, invoiceId }: { staff: Staff; invoiceId: string }) {
  assertPermission(staff, "invoices.manage");
  const invoice = await db.invoice.findUnique({ where: { id: invoiceId } });
  if (!invoice?.storageKey) throw new AppError("not_found");
  return { bytes: await getFileStorage().get(invoice.storageKey), number: invoice.number, kind: invoice.kind };
}
