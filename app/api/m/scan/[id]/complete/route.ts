import { NextResponse } from "next/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { getLocale } from "@/lib/i18n/server";
import { completePhoneScan } from "@/lib/server/scan/complete-phone-scan";

export const dynamic = "force-dynamic";

// POST /api/m/scan/:id/complete — the finished signature, CMS or plaintext; refused without a PIN-gated half for it
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const locale = await getLocale();
  try {
    const user = await requireUser({ permission: "desk.use" });
    const input: unknown = await req.json().catch(() => ({}));
    const result = await completePhoneScan({ userId: user.id, id: (await params).id, input });
    // Key material and one-time answers never sit in a cache.
    return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err, locale);
  }
}
