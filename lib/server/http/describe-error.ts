import { ZodError } from "zod";
import { AppError, type ErrorCode, type FieldErrors } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { hasMessage, translator } from "@/lib/i18n/translate";
import type { MessageKey } from "@/lib/i18n/catalogue";

export type ErrorBody = {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string[]>;
  retryAfter?: number;
};

function text(locale: Locale, key: string, params?: Record<string, string | number>) {
  return hasMessage(key) ? translator(locale)(key as MessageKey, params) : key;
}

/** Any thrown value → a safe, translated description. Unexpected errors hide their internals. */
export function describeError(err: unknown, locale: Locale): ErrorBody & { status: number } {
  if (err instanceof ZodError) {
    const fields: FieldErrors = {};
    for (const issue of err.issues) {
      const path = issue.path.join(".") || "_";
      (fields[path] ??= []).push(text(locale, issue.message));
    }
    return { status: 422, code: "validation_failed", message: text(locale, "errors.validation_failed"), fields };
  }
  if (err instanceof AppError) {
    const fields = err.fields
      ? Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, v.map((m) => text(locale, m, err.params))]))
      : undefined;
    return { status: err.status, code: err.code, message: text(locale, err.userMessage, err.params), fields, retryAfter: err.retryAfter };
  }
  console.error("[unexpected]", err);
  return { status: 500, code: "internal", message: text(locale, "errors.internal") };
}
