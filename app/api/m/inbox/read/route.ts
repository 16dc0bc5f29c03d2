import { NextResponse } from "next/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { getLocale } from "@/lib/i18n/server";
import { markInboxRead } from "@/lib/server/phone/mark-inbox-read";

export const dynamic = "force-dynamic";

// POST /api/m/inbox/read — mark one or all of the caller's messages read
export async function POST(req: Request) {
  const locale = await getLocale();
  try {
    const user = await requireUser({ permission: "desk.use" });
    const input: unknown = await req.json().catch(() => ({}));
    const result = await markInboxRead({ userId: user.id, messageId: typeof (input as { messageId?: unknown }).messageId === "string" ? (input as { messageId: string }).messageId : undefined });
    // Key material and PIN answers must never sit in a cache (the service worker skips /api too).
    return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err, locale);
  }
}
