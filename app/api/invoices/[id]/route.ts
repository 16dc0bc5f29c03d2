import { userRoute } from "@/lib/server/http/user-route";
import { invoicePdfResponse } from "@/lib/server/payments/invoice-pdf-response";
import { readInvoice } from "@/lib/server/payments/read-invoice";

export const dynamic = "force-dynamic";

// GET /api/invoices/[id] — the invoice or red-letter note PDF (whoever may see the order)
export const GET = userRoute(async ({ user, params }) => invoicePdfResponse(await readInvoice({ userId: user.id, invoiceId: params.id })));
