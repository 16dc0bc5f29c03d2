import type { z } from "zod";
import { authenticatePlatform } from "@/lib/server/scan/authenticate-platform";
import { guardedRoute, type RouteInput, type RouteOptions } from "./guarded-route";

type Platform = Awaited<ReturnType<typeof authenticatePlatform>>;

/**
 * An external-API handler: authenticates the platform (HTTP Basic, no cookies, so no CSRF check),
 * parses the JSON body with `body`, answers JSON; any error becomes
 * `{ "error": { "code", "message" } }` with a stable snake_case code. `response` (the answer's zod
 * schema) types what the handler returns; the OpenAPI document is generated from the same schemas.
 */
export function platformRoute<
  S extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P = Record<string, string>,
  R extends z.ZodType | undefined = undefined,
>(
  handler: (ctx: RouteInput<S, Q> & { platform: Platform; params: P }) => Promise<R extends z.ZodType ? z.output<R> : unknown>,
  opts: RouteOptions<S, Q> & { response?: R } = {},
) {
  return guardedRoute<Platform, P, S, Q>(
    {
      ...opts,
      crossOrigin: true,
      authenticate: (req) => authenticatePlatform(req.headers.get("authorization")),
      onError: (res) => {
        if (res.status === 401) res.headers.set("WWW-Authenticate", 'Basic realm="certdesk-api"');
        return res;
      },
    },
    ({ caller, ...ctx }) => handler({ ...ctx, platform: caller }),
  );
}
