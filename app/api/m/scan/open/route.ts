import { NextResponse } from "next/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { getLocale } from "@/lib/i18n/server";
import { openScanForPhone } from "@/lib/server/scan/open-scan-for-phone";
import { ZOpenScanSchema } from "@/lib/server/scan/phone-scan.types";

export const dynamic = "force-dynamic";

// POST /api/m/scan/open — the scanned QR's token: binds the request to the caller, returns the confirmation data
export async function POST(req: Request) {
  const locale = await getLocale();
  try {
    const user = await requireUser({ permission: "desk.use" });
    const { token } = ZOpenScanSchema.parse(await req.json().catch(() => ({})));
    const result = await openScanForPhone({ userId: user.id, token });
    // Key material and one-time answers never sit in a cache.
    return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err, locale);
  }
}
