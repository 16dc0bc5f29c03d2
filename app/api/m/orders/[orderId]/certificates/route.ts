import { NextResponse } from "next/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { clientIp } from "@/lib/server/http/client-ip";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { getLocale } from "@/lib/i18n/server";
import { finishPhoneDownload } from "@/lib/server/phone/finish-phone-download";

export const dynamic = "force-dynamic";

// POST /api/m/orders/:orderId/certificates — set the PIN, issue the dual certificates, complete the order
export async function POST(req: Request, { params }: { params: Promise<{ orderId: string }> }) {
  const locale = await getLocale();
  try {
    const user = await requireUser({ permission: "desk.use" });
    const input: unknown = await req.json().catch(() => ({}));
    const result = await finishPhoneDownload({ userId: user.id, input: { ...(input as object), orderId: (await params).orderId }, ip: clientIp(req.headers) });
    // Key material and PIN answers must never sit in a cache (the service worker skips /api too).
    return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err, locale);
  }
}
