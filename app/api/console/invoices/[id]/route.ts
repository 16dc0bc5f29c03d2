import { userRoute } from "@/lib/server/http/user-route";
import { consoleReadInvoice } from "@/lib/server/payments/console-invoices";

export const dynamic = "force-dynamic";

// GET /api/console/invoices/[id] — any invoice or red-letter note as PDF (invoices.manage, second factor)
export const GET = userRoute(
  async ({ user, params }) => {
    const inv = await consoleReadInvoice({ staff: user, invoiceId: params.id });
    return new Response(Buffer.from(inv.bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="${inv.kind === "RED" ? "credit-note" : "invoice"}-${inv.number}.pdf"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  },
  { permission: "invoices.manage" },
);
