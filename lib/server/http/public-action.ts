import type { z } from "zod";
import type { ActionResult } from "./action-result";
import { guardedAction, guardedFormAction, type ActionContext } from "./guarded-action";

/**
 * A server action anyone may call: what a link sent by SMS opens (legal-rep authorization, face
 * check), password reset, the language switch. Same origin and argument checks as userAction.
 */
export function publicAction<S extends z.ZodTuple, T>(
  { args }: { args: S },
  body: (ctx: ActionContext<z.output<S>>) => Promise<T>,
): (...args: z.input<S>) => Promise<ActionResult<T>> {
  return guardedAction({ args, authenticate: async () => null }, ({ caller: _c, ...ctx }) => body(ctx));
}

export function publicFormAction<S extends z.ZodType>(
  { fields }: { fields: S },
  body: (ctx: { fields: z.output<S>; ip: string }) => Promise<void>,
): (formData: FormData) => Promise<void> {
  return guardedFormAction({ fields, authenticate: async () => null }, ({ caller: _c, ...ctx }) => body(ctx));
}
