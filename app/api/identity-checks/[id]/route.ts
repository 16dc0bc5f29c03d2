import { NextResponse } from "next/server";
import { getLocale } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { getIdentityCheck } from "@/lib/server/identity/get-identity-check";

export const dynamic = "force-dynamic";

// GET /api/identity-checks/[id] — a check's status (the desk polls it when SSE is unavailable)
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser();
    const { id } = await params;
    return NextResponse.json(await getIdentityCheck({ userId: user.id, checkId: id }), { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err, await getLocale());
  }
}
