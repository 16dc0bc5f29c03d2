import { NextResponse } from "next/server";
import { getLocale } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { getPayment } from "@/lib/server/payments/get-payment";

export const dynamic = "force-dynamic";

// GET /api/payments/[id] — a payment's status (the payment panel polls it)
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    const { id } = await params;
    return NextResponse.json(await getPayment({ userId: user.id, paymentId: id }), { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err, await getLocale());
  }
}
