import type { z } from "zod";
import { guardedRoute, type RouteInput, type RouteOptions } from "./guarded-route";

export type PublicRouteContext<P, S = undefined, Q = undefined> = RouteInput<S, Q> & { params: P };

/**
 * A route handler anyone may call (PKI endpoints, login codes, links sent by SMS, webhooks from
 * outside services). Same pipeline as userRoute without a session: writes from a browser must be
 * same-origin unless `crossOrigin` says the callers are not browsers.
 */
export function publicRoute<S extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, P = Record<string, string>>(
  handler: (ctx: PublicRouteContext<P, S, Q>) => Promise<unknown>,
  opts: RouteOptions<S, Q> = {},
) {
  return guardedRoute<null, P, S, Q>({ ...opts, authenticate: async () => null }, ({ caller: _caller, ...ctx }) => handler(ctx));
}
