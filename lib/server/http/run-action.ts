import { headers } from "next/headers";
import { getLocale } from "@/lib/i18n/server";
import type { ActionResult } from "./action-result";
import { clientIp } from "./client-ip";
import { describeError } from "./describe-error";

/**
 * Wraps a server action body: gives it the caller's address, and turns any thrown error into
 * `{ ok: false, error }` in the user's language (validation → field messages), never a stack.
 */
export async function runAction<T>(body: (ctx: { ip: string }) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const ip = clientIp(await headers());
    return { ok: true, data: await body({ ip }) };
  } catch (err) {
    // redirect()/notFound() from next/navigation are thrown on purpose: let them through.
    if (err && typeof err === "object" && "digest" in err && typeof (err as { digest: unknown }).digest === "string" && /^NEXT_/.test((err as { digest: string }).digest)) throw err;
    const { status: _status, ...error } = describeError(err, await getLocale());
    return { ok: false, error };
  }
}
