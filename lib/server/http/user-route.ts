import { NextResponse } from "next/server";
import { getLocale } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/locales";
import { requireUser } from "@/lib/server/auth/require-user";
import type { SessionUser } from "@/lib/server/auth/session-user";
import type { Permission } from "@/lib/server/auth/permissions";
import { clientIp } from "./client-ip";
import { toErrorResponse } from "./error-response";

export type UserRouteContext<P> = { user: SessionUser; input: unknown; params: P; ip: string; locale: Locale; req: Request };

/**
 * A JSON route handler for a signed-in caller: checks the session (and permission), hands the
 * body to one domain function, answers its result uncached (key material and PIN answers must
 * never sit in a cache) or the error as `{ error }`.
 */
export function userRoute<P = Record<string, never>>(
  body: (ctx: UserRouteContext<P>) => Promise<unknown>,
  { permission = "desk.use" as Permission }: { permission?: Permission } = {},
) {
  return async (req: Request, ctx: { params: Promise<P> }) => {
    const locale = await getLocale();
    try {
      const user = await requireUser({ permission });
      const input: unknown = req.method === "GET" ? Object.fromEntries(new URL(req.url).searchParams) : await req.json().catch(() => ({}));
      const result = await body({ user, input, params: await ctx.params, ip: clientIp(req.headers), locale, req });
      return NextResponse.json(result ?? { ok: true }, { headers: { "Cache-Control": "no-store" } });
    } catch (err) {
      return toErrorResponse(err, locale);
    }
  };
}
