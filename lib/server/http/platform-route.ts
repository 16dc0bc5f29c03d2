import { NextResponse } from "next/server";
import { toLocale } from "@/lib/i18n/locales";
import { authenticatePlatform } from "@/lib/server/scan/authenticate-platform";
import { toErrorResponse } from "./error-response";

type Platform = Awaited<ReturnType<typeof authenticatePlatform>>;

/**
 * Wraps an external-API handler: authenticates the platform (HTTP Basic), runs the body, answers
 * JSON; any error becomes `{ "error": { "code", "message" } }` with a stable snake_case code.
 */
export function platformRoute<P>(body: (ctx: { platform: Platform; req: Request; params: P }) => Promise<unknown>, { status = 200 } = {}) {
  return async (req: Request, ctx: { params: Promise<P> }) => {
    const locale = toLocale(req.headers.get("accept-language")?.startsWith("en") ? "en" : "zh-CN");
    try {
      const platform = await authenticatePlatform(req.headers.get("authorization"));
      const result = await body({ platform, req, params: await ctx.params });
      return NextResponse.json(result, { status, headers: { "Cache-Control": "no-store" } });
    } catch (err) {
      const res = toErrorResponse(err, locale);
      if (res.status === 401) res.headers.set("WWW-Authenticate", 'Basic realm="certdesk-api"');
      return res;
    }
  };
}
