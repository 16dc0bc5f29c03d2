import type { z } from "zod";
import { requireUser } from "@/lib/server/auth/require-user";
import type { Permission } from "@/lib/server/auth/permissions";
import type { SessionUser } from "@/lib/server/auth/session-user";
import type { ActionResult } from "./action-result";
import { guardedAction, guardedFormAction, type ActionContext } from "./guarded-action";

/**
 * Every server action of a signed-in caller: origin, session and permission, arguments parsed by
 * the zod tuple `args`, errors as `{ ok: false, error }`.
 *   export const cancelOrderAction = userAction({ args: z.tuple([ZId]) }, ({ user, args: [id] }) => …)
 */
export function userAction<S extends z.ZodTuple, T>(
  { args, permission = "desk.use" }: { args: S; permission?: Permission },
  body: (ctx: ActionContext<z.output<S>> & { user: SessionUser }) => Promise<T>,
): (...args: z.input<S>) => Promise<ActionResult<T>> {
  return guardedAction({ args, authenticate: () => requireUser({ permission }) }, ({ caller, ...ctx }) => body({ ...ctx, user: caller }));
}

/** A `<form action>` server action of a signed-in caller (see guardedFormAction). */
export function userFormAction<S extends z.ZodType>(
  { fields, permission = "desk.use", loginNext }: { fields: S; permission?: Permission; loginNext?: string },
  body: (ctx: { fields: z.output<S>; ip: string; user: SessionUser }) => Promise<void>,
): (formData: FormData) => Promise<void> {
  return guardedFormAction({ fields, loginNext, authenticate: () => requireUser({ permission }) }, ({ caller, ...ctx }) => body({ ...ctx, user: caller }));
}
