import { NextResponse } from "next/server";
import { ZSendCodeSchema } from "@/lib/server/auth/auth.types";
import { requestCode } from "@/lib/server/auth/request-code";
import { getSessionUser } from "@/lib/server/auth/get-session-user";
import { clientIp } from "@/lib/server/http/client-ip";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { getLocale } from "@/lib/i18n/server";

// POST /api/auth/codes — send an SMS code (login, reset password, change phone)
export async function POST(req: Request) {
  const locale = await getLocale();
  try {
    const input = ZSendCodeSchema.parse(await req.json().catch(() => ({})));
    const result = await requestCode({ ...input, user: await getSessionUser(), ip: clientIp(req.headers), locale });
    return NextResponse.json(result);
  } catch (err) {
    return toErrorResponse(err, locale);
  }
}
