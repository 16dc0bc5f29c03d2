import type { TInvoiceFields, TInvoiceRequestInput } from "./invoice-fields.types";

/** What the desk, the phone and the console show of invoices (plain data, for client components too). */
export type InvoiceState = "current" | "reversed" | "credit_note";

export type InvoiceView = {
  id: string;
  kind: "BLUE" | "RED";
  state: InvoiceState;
  number: string;
  title: string;
  taxNumber: string | null;
  amountFen: number;
  email: string;
  fields: TInvoiceFields;
  issuedAt: string;
  supersededAt: string | null;
  /** A RED note: the number of the invoice it reverses. A re-issued BLUE invoice: the number it replaces. */
  reversesNumber: string | null;
  replacesNumber: string | null;
  note: string | null;
  url: string;
};

export type OrderInvoicing = {
  orderId: string;
  orderNo: string;
  subjectName: string | null;
  /** What was paid (fen), or null when the order is not paid. */
  paidFen: number | null;
  paidAt: string | null;
  buyer: { title: string; taxNumber?: string };
  invoices: InvoiceView[];
  current: InvoiceView | null;
  /** 申请发票: paid, not cancelled, no current invoice. */
  canRequest: boolean;
  defaults: TInvoiceRequestInput;
};
