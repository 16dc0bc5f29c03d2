import { NextResponse } from "next/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { getLocale } from "@/lib/i18n/server";
import { rejectScanRequest } from "@/lib/server/scan/reject-scan-request";

export const dynamic = "force-dynamic";

// POST /api/m/scan/:id/reject — the holder declines the request
export async function POST(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const locale = await getLocale();
  try {
    const user = await requireUser({ permission: "desk.use" });
    const { id } = await params;
    await rejectScanRequest({ userId: user.id, id });
    const result = { id, status: "rejected" };
    // Key material and one-time answers never sit in a cache.
    return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err, locale);
  }
}
