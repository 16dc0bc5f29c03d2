import { readDraft } from "@/lib/server/orders/order-draft.types";
import type { TInvoiceFields, TInvoiceRequestInput } from "./invoice-fields.types";

export type InvoiceBuyerOrder = {
  subjectType: "UNIT" | "INDIVIDUAL";
  subjectName: string | null;
  subjectKey: string | null;
  draft: unknown;
  org?: { name: string; uscc: string } | null;
};

/**
 * The buyer printed on the order's invoice, never typed by anyone: a unit's registered name and USCC
 * (单位证书的发票抬头须与证书主体名称一致), a person's name without a tax number.
 */
export function invoiceBuyer(order: InvoiceBuyerOrder): { title: string; taxNumber?: string } {
  const d = readDraft(order.draft) as ReturnType<typeof readDraft> & { invoice?: { taxNumber?: string } };
  if (order.subjectType === "INDIVIDUAL") return { title: order.subjectName ?? d.person?.name ?? "" };
  return {
    title: order.org?.name ?? order.subjectName ?? d.enterprise?.name ?? "",
    taxNumber: order.org?.uscc ?? order.subjectKey ?? d.enterprise?.uscc ?? d.invoice?.taxNumber ?? undefined,
  };
}

/**
 * What the invoice form starts with: the last invoice's fields when there is one, else what the
 * wizard collected (the goods step's invoice fields, the 对公账户 as bank and account, the handler's
 * or applicant's e-mail), else the account's e-mail. Nothing here is trusted: the form sends it back.
 */
export function invoiceFormDefaults(order: InvoiceBuyerOrder, { last, accountEmail }: { last?: TInvoiceFields | null; accountEmail?: string | null } = {}): TInvoiceRequestInput {
  if (last) return { email: last.email, address: last.address ?? "", phone: last.phone ?? "", bank: last.bank ?? "", account: last.account ?? "" };
  const d = readDraft(order.draft) as ReturnType<typeof readDraft> & { invoice?: Partial<TInvoiceFields> };
  const wanted = d.goods?.invoice;
  const bank = [d.enterprise?.bankName, d.enterprise?.bankBranch].filter(Boolean).join(" ");
  return {
    email: wanted?.email || d.invoice?.email || d.handler?.email || d.person?.email || accountEmail || "",
    address: wanted?.address || d.invoice?.address || d.enterprise?.address || "",
    phone: wanted?.phone || d.invoice?.phone || "",
    bank: wanted?.bank || d.invoice?.bank || bank,
    account: wanted?.account || d.invoice?.account || d.enterprise?.bankAccount || "",
  };
}
