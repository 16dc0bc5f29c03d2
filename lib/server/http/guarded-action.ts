import { headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { getLocale } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/locales";
import type { ActionResult } from "./action-result";
import { clientIp } from "./client-ip";
import { describeError } from "./describe-error";
import { isNavigationSignal } from "./navigation-signal";
import { assertNoNul, assertSameOrigin } from "./request-guard";

export type ActionContext<A> = { args: A; ip: string; locale: Locale };


/**
 * The pipeline behind userAction and publicAction, for actions called from client code: the
 * caller's origin, the arguments parsed by a zod tuple (an action can be posted by anyone with
 * any arguments), and any error as `{ ok: false, error }` in the user's language, never a stack.
 */
export function guardedAction<S extends z.ZodTuple, C, T>(
  { args: schema, authenticate }: { args: S; authenticate: () => Promise<C> },
  body: (ctx: ActionContext<z.output<S>> & { caller: C }) => Promise<T>,
): (...args: z.input<S>) => Promise<ActionResult<T>> {
  return async (...raw: unknown[]) => {
    try {
      const h = await headers();
      assertSameOrigin(h);
      const caller = await authenticate();
      assertNoNul(raw);
      const args = schema.parse(raw) as z.output<S>;
      return { ok: true, data: await body({ args, ip: clientIp(h), locale: await getLocale(), caller }) };
    } catch (err) {
      if (isNavigationSignal(err)) throw err;
      const { status: _status, ...error } = describeError(err, await getLocale());
      return { ok: false, error };
    }
  };
}

/**
 * For `<form action={…}>` actions (they work before hydration and return nothing): the fields are
 * parsed by a zod object; an anonymous caller goes to the login page, a refused one gets the 403
 * page, anything else wrong the 404 page (never a 500).
 */
export function guardedFormAction<S extends z.ZodType, C>(
  { fields, authenticate, loginNext = "/" }: { fields: S; authenticate: () => Promise<C>; loginNext?: string },
  body: (ctx: { fields: z.output<S>; ip: string; caller: C }) => Promise<void>,
): (formData: FormData) => Promise<void> {
  return async (formData: unknown) => {
    try {
      const h = await headers();
      assertSameOrigin(h);
      const caller = await authenticate();
      if (!(formData instanceof FormData)) throw new AppError("bad_request");
      assertNoNul(formData);
      const parsed = fields.parse(Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")));
      await body({ fields: parsed, ip: clientIp(h), caller });
    } catch (err) {
      if (isNavigationSignal(err)) throw err;
      if (err instanceof AppError && err.code === "unauthenticated") redirect(`/login?next=${encodeURIComponent(loginNext)}`);
      if (err instanceof AppError && err.code === "forbidden") forbidden();
      if (err instanceof AppError || err instanceof z.ZodError) notFound();
      throw err;
    }
  };
}
