import { NextResponse } from "next/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { getLocale } from "@/lib/i18n/server";
import { startPhoneKeygen } from "@/lib/server/phone/start-phone-keygen";

export const dynamic = "force-dynamic";

// POST /api/m/keygen — the server half of one two-party key generation for an approved order
export async function POST(req: Request) {
  const locale = await getLocale();
  try {
    const user = await requireUser({ permission: "desk.use" });
    const input: unknown = await req.json().catch(() => ({}));
    const result = await startPhoneKeygen({ userId: user.id, input });
    // Key material and PIN answers must never sit in a cache (the service worker skips /api too).
    return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err, locale);
  }
}
