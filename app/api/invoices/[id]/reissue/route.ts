import { NextResponse } from "next/server";
import { getLocale } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { reissueInvoice } from "@/lib/server/payments/reissue-invoice";

// POST /api/invoices/[id]/reissue — re-issue with corrected fields (JSON: title, address, phone, bank, account, email)
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    const { id } = await params;
    const invoice = await reissueInvoice({ userId: user.id, invoiceId: id, fields: await req.json().catch(() => ({})) });
    return NextResponse.json({ id: invoice?.id, number: invoice?.number, url: invoice ? `/api/invoices/${invoice.id}` : null }, { status: 201 });
  } catch (err) {
    return toErrorResponse(err, await getLocale());
  }
}
