import { NextResponse } from "next/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { getLocale } from "@/lib/i18n/server";
import { endScanSession } from "@/lib/server/scan/end-scan-session";

export const dynamic = "force-dynamic";

// POST /api/m/scan/sessions/:sessionId/end — the holder ends a signing session
export async function POST(_req: Request, { params }: { params: Promise<{ sessionId: string }> }) {
  const locale = await getLocale();
  try {
    const user = await requireUser({ permission: "desk.use" });
    const { sessionId } = await params;
    await endScanSession({ userId: user.id, sessionId });
    const result = { id: sessionId, ended: true };
    // Key material and one-time answers never sit in a cache.
    return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err, locale);
  }
}
