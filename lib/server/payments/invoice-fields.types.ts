import { z } from "zod";

const optional = (max: number) => z.string().trim().max(max).optional().transform((v) => v || undefined);

/** The fields printed on an invoice (and corrected by a re-issue). */
export const ZInvoiceFieldsSchema = z.object({
  title: z.string().trim().min(1, "payments.invoice.errors.titleRequired").max(100),
  // Required for a unit (its USCC), absent for a person.
  taxNumber: optional(30),
  address: optional(200),
  phone: optional(30),
  bank: optional(100),
  account: optional(40),
  email: z.string().trim().pipe(z.email("payments.invoice.errors.emailInvalid")),
});
export type TInvoiceFields = z.infer<typeof ZInvoiceFieldsSchema>;

/**
 * What the buyer fills in when asking for an invoice after payment, or correcting one (re-issue). The
 * title and tax number are not inputs: the server fixes them to the order's subject (a unit's name and
 * USCC, a person's name), as the wizard does.
 */
export const ZInvoiceRequestSchema = ZInvoiceFieldsSchema.omit({ title: true, taxNumber: true });
export type TInvoiceRequest = z.infer<typeof ZInvoiceRequestSchema>;
export type TInvoiceRequestInput = z.input<typeof ZInvoiceRequestSchema>;

/** A console re-issue: the corrected fields and why (shown to the buyer next to the new invoice). */
export const ZConsoleReissueSchema = ZInvoiceRequestSchema.extend({
  note: z.string().trim().min(2, "invoices.errors.noteRequired").max(200, "invoices.errors.noteRequired"),
});
export type TConsoleReissue = z.infer<typeof ZConsoleReissueSchema>;

/** Sending an invoice again by e-mail: to the address on it, or another one. */
export const ZEmailInvoiceSchema = z.object({ email: z.string().trim().pipe(z.email("payments.invoice.errors.emailInvalid")).optional().or(z.literal("").transform(() => undefined)) });
export type TEmailInvoice = z.infer<typeof ZEmailInvoiceSchema>;

/** The agreed shape of order.draft.invoice. */
export const ZInvoiceDraftSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("none") }),
  ZInvoiceFieldsSchema.extend({ type: z.literal("normal") }),
]);
export type TInvoiceDraft = z.infer<typeof ZInvoiceDraftSchema>;

type DraftLike = {
  invoice?: unknown;
  goods?: { invoice?: { wanted?: boolean; email?: string; address?: string; phone?: string; bank?: string; account?: string } };
  enterprise?: { name?: string; uscc?: string };
  person?: { name?: string; email?: string };
  handler?: { email?: string };
};

/**
 * The invoice an order asks for, or null for none. Reads order.draft.invoice when the wizard saved
 * the agreed shape; otherwise the goods step's invoice choice, with the title and tax number fixed
 * to the subject (a unit's name and USCC, a person's name) as the wizard does.
 */
export function invoiceFieldsFromDraft(draft: unknown, subjectName?: string | null): TInvoiceFields | null {
  const d = (draft && typeof draft === "object" ? draft : {}) as DraftLike;
  if (d.invoice !== undefined) {
    const parsed = ZInvoiceDraftSchema.safeParse(d.invoice);
    if (!parsed.success || parsed.data.type === "none") return null;
    const { type: _type, ...fields } = parsed.data;
    return fields;
  }
  const wanted = d.goods?.invoice;
  if (!wanted?.wanted) return null;
  const parsed = ZInvoiceFieldsSchema.safeParse({
    title: d.enterprise?.name ?? d.person?.name ?? subjectName ?? "",
    taxNumber: d.enterprise?.uscc,
    address: wanted.address,
    phone: wanted.phone,
    bank: wanted.bank,
    account: wanted.account,
    email: wanted.email || d.handler?.email || d.person?.email || "",
  });
  return parsed.success ? parsed.data : null;
}
