import { randomInt } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { Invoice } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import type { TInvoiceFields } from "./invoice-fields.types";
import { renderInvoicePdf } from "./render-invoice-pdf";

// 20 digits like a 全电发票 number: the date (yyyymmdd) then 12 random digits.
function invoiceNumber(at: Date): string {
  const day = at.toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" }).replaceAll("-", "");
  return day + String(randomInt(0, 1_000_000)).padStart(6, "0") + String(randomInt(0, 1_000_000)).padStart(6, "0");
}

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === "P2002";

/**
 * One invoice or red-letter note: the row first, so the database decides a race (one current BLUE
 * invoice per order, one RED note per invoice, both unique indexes) before any PDF is drawn; then the
 * PDF into file storage and its key on the row. The caller's transaction holds it all.
 */
export async function createInvoiceDocument(
  tx: Tx,
  { order, kind, fields, amountFen, reverses, replaces, issuedById = null, note = null }: {
    order: { id: string; no: string };
    kind: "BLUE" | "RED";
    fields: TInvoiceFields;
    amountFen: number;
    reverses?: { id: string; number: string };
    replaces?: { id: string; number: string };
    issuedById?: string | null;
    note?: string | null;
  },
): Promise<Invoice> {
  const issuedAt = new Date();
  const number = invoiceNumber(issuedAt);
  const row = await tx.invoice
    .create({
      data: {
        orderId: order.id,
        kind,
        number,
        title: fields.title,
        taxNumber: fields.taxNumber ?? null,
        fields,
        amountFen,
        issuedAt,
        reversesId: reverses?.id ?? null,
        replacesId: replaces?.id ?? null,
        issuedById,
        note,
      },
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw new AppError("conflict", { userMessage: kind === "RED" || replaces ? "payments.invoice.errors.superseded" : "invoices.errors.alreadyIssued" });
      throw err;
    });
  const pdf = await renderInvoicePdf({ number, issuedAt, orderNo: order.no, amountFen, fields, kind, reversesNumber: reverses?.number, replacesNumber: replaces?.number });
  const storageKey = `invoices/${order.id}/${number}.pdf`;
  await getFileStorage().put(storageKey, pdf, "application/pdf");
  return tx.invoice.update({ where: { id: row.id }, data: { storageKey } });
}
