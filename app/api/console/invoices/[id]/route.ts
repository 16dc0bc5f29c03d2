import { userRoute } from "@/lib/server/http/user-route";
import { consoleReadInvoice } from "@/lib/server/payments/console-invoices";
import { invoicePdfResponse } from "@/lib/server/payments/invoice-pdf-response";

export const dynamic = "force-dynamic";

// GET /api/console/invoices/[id] — any invoice or red-letter note as PDF (invoices.manage, second factor)
export const GET = userRoute(async ({ user, params }) => invoicePdfResponse(await consoleReadInvoice({ staff: user, invoiceId: params.id })), {
  permission: "invoices.manage",
});
