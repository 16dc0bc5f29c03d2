import { NextResponse } from "next/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { clientIp } from "@/lib/server/http/client-ip";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { getLocale } from "@/lib/i18n/server";
import { signForScan } from "@/lib/server/scan/sign-for-scan";

export const dynamic = "force-dynamic";

// POST /api/m/scan/:id/sign — PIN check (or open session), then the server half of the request's joint signature
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const locale = await getLocale();
  try {
    const user = await requireUser({ permission: "desk.use" });
    const input: unknown = await req.json().catch(() => ({}));
    const result = await signForScan({ userId: user.id, id: (await params).id, input, ip: clientIp(req.headers) });
    // Key material and one-time answers never sit in a cache.
    return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err, locale);
  }
}
