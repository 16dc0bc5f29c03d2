import type { z } from "zod";
import { requireUser } from "@/lib/server/auth/require-user";
import type { SessionUser } from "@/lib/server/auth/session-user";
import type { Permission } from "@/lib/server/auth/permissions";
import { guardedRoute, type RouteInput, type RouteOptions } from "./guarded-route";

export type UserRouteContext<P, S = undefined, Q = undefined> = RouteInput<S, Q> & { user: SessionUser; params: P };

/**
 * A route handler for a signed-in caller (desk and phone): session and permission, same-origin
 * and content-type checks on writes, a bounded body parsed by `body` (zod), errors as `{ error }`.
 * Answers are uncached: key material and PIN answers must never sit in a cache.
 */
export function userRoute<S extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, P = Record<string, string>>(
  handler: (ctx: UserRouteContext<P, S, Q>) => Promise<unknown>,
  { permission = "desk.use", ...opts }: RouteOptions<S, Q> & { permission?: Permission } = {},
) {
  return guardedRoute<SessionUser, P, S, Q>({ ...opts, authenticate: () => requireUser({ permission }) }, ({ caller, ...ctx }) =>
    handler({ ...ctx, user: caller }),
  );
}
