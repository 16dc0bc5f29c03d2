import { NextResponse } from "next/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { clientIp } from "@/lib/server/http/client-ip";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { getLocale } from "@/lib/i18n/server";
import { sendReverifyCode } from "@/lib/server/phone/send-reverify-code";

export const dynamic = "force-dynamic";

// POST /api/m/keys/:keyShareId/reverify-code — text a REVERIFY code to the certificate holder
export async function POST(req: Request, { params }: { params: Promise<{ keyShareId: string }> }) {
  const locale = await getLocale();
  try {
    const user = await requireUser({ permission: "desk.use" });
    const result = await sendReverifyCode({ userId: user.id, keyShareId: (await params).keyShareId, ip: clientIp(req.headers), locale });
    // Key material and PIN answers must never sit in a cache (the service worker skips /api too).
    return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err, locale);
  }
}
