import { userRoute } from "@/lib/server/http/user-route";
import { reissueInvoice } from "@/lib/server/payments/reissue-invoice";

// POST /api/invoices/[id]/reissue — re-issue with corrected fields (JSON: title, address, phone, bank, account, email)
export const POST = userRoute(
  async ({ user, params, input }) => {
    const invoice = await reissueInvoice({ userId: user.id, invoiceId: params.id, fields: input ?? {} });
    return { id: invoice?.id, number: invoice?.number, url: invoice ? `/api/invoices/${invoice.id}` : null };
  },
  { status: 201 },
);
