import { userRoute } from "@/lib/server/http/user-route";
import { readInvoice } from "@/lib/server/payments/read-invoice";

export const dynamic = "force-dynamic";

// GET /api/invoices/[id] — the invoice or red-letter note PDF (whoever may see the order); a PDF we generated, so inline
export const GET = userRoute(async ({ user, params }) => {
  const inv = await readInvoice({ userId: user.id, invoiceId: params.id });
  return new Response(Buffer.from(inv.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${inv.kind === "RED" ? "credit-note" : "invoice"}-${inv.number}.pdf"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});
