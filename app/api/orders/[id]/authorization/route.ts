import { NextResponse } from "next/server";
import { getLocale } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { getAuthorizationStatus } from "@/lib/server/orders/get-authorization-status";

// GET /api/orders/[id]/authorization — the legal rep's signing link state (the materials step polls it)
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    const authorization = await getAuthorizationStatus({ userId: user.id, orderId: (await params).id });
    return NextResponse.json({ authorization }, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err, await getLocale());
  }
}
