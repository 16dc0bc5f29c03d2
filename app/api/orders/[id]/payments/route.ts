import { NextResponse } from "next/server";
import { getLocale } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { createPayment, ZCreatePaymentSchema } from "@/lib/server/payments/create-payment";

// POST /api/orders/[id]/payments — start (or resume) paying for the order with WeChat Pay or Alipay
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    const { id } = await params;
    const { method } = ZCreatePaymentSchema.parse(await req.json().catch(() => ({})));
    return NextResponse.json(await createPayment({ userId: user.id, orderId: id, method }));
  } catch (err) {
    return toErrorResponse(err, await getLocale());
  }
}
