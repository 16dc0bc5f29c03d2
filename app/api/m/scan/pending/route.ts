import { NextResponse } from "next/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { getLocale } from "@/lib/i18n/server";
import { claimSessionRequests } from "@/lib/server/scan/claim-session-requests";

export const dynamic = "force-dynamic";

// GET /api/m/scan/pending — sign requests waiting in the caller's open signing sessions (the phone polls this)
export async function GET() {
  const locale = await getLocale();
  try {
    const user = await requireUser({ permission: "desk.use" });
    const result = { requests: await claimSessionRequests({ userId: user.id }) };
    // Key material and one-time answers never sit in a cache.
    return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err, locale);
  }
}
