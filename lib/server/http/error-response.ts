import { NextResponse } from "next/server";
import type { Locale } from "@/lib/i18n/locales";
import { describeError } from "./describe-error";

/** The one error → HTTP response function: `{ error: { code, message, fields? } }` with the mapped status. */
export function toErrorResponse(err: unknown, locale: Locale = "zh-CN") {
  const { status, ...body } = describeError(err, locale);
  const headers: Record<string, string> = {};
  if (body.retryAfter) headers["Retry-After"] = String(body.retryAfter);
  return NextResponse.json({ error: body }, { status, headers });
}
