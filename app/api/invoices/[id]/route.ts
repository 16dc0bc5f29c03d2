import { getLocale } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { readInvoice } from "@/lib/server/payments/read-invoice";

export const dynamic = "force-dynamic";

// GET /api/invoices/[id] — the invoice PDF (the order's owner only)
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    const { id } = await params;
    const inv = await readInvoice({ userId: user.id, invoiceId: id });
    return new Response(Buffer.from(inv.bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="invoice-${inv.number}.pdf"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (err) {
    return toErrorResponse(err, await getLocale());
  }
}
