import { z } from "zod";

/** Every code the platform API answers with, and when (the HTTP status is fixed per code, lib/errors.ts). */
export const API_ERROR_CODES = {
  bad_request: "400: the body is not JSON.",
  unauthenticated: "401: no or wrong HTTP Basic credentials (WWW-Authenticate: Basic).",
  not_found: "404: no such request for this platform, no such path under /api, a subject, certificate or enterprise not met through a completed scan request.",
  method_not_allowed: "405: the path does not serve this method; Allow lists the ones it does.",
  conflict: "409: PUT /platform/webhook raced a change of the callback URLs in the console: read them again and retry.",
  gone: "410: sessionId names a signing session that has ended or expired: send an ordinary request (the holder scans again).",
  payload_too_large: "413: the body is over the route's limit (64 KiB for JSON, the PDF limit for /pdf/verify).",
  unsupported_media_type: "415: the body is not application/json (or the route's declared type).",
  validation_failed: "422: the body, query or path failed validation; `fields` names each bad field with texts in the Accept-Language.",
  rate_limited: "429: over a limit; wait `retryAfter` seconds (also the Retry-After header).",
  internal: "500: our fault; safe to retry the same request later.",
} as const;

export type TApiErrorCode = keyof typeof API_ERROR_CODES;

/** The one error body of the platform API (toErrorResponse): `{ error: { code, message, fields?, retryAfter? } }`. */
export const ZApiErrorSchema = z
  .object({
    error: z.object({
      code: z
        .enum(Object.keys(API_ERROR_CODES) as [TApiErrorCode, ...TApiErrorCode[]])
        .describe(`Stable, snake_case; program against this, not the message. ${Object.entries(API_ERROR_CODES).map(([c, d]) => `${c} ${d}`).join(" ")}`),
      message: z.string().describe("Human text in the Accept-Language (zh-CN default, en)."),
      fields: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .describe("validation_failed (and some gone): the bad fields' paths (e.g. sessionId, challenge) with texts in the Accept-Language."),
      retryAfter: z.number().int().optional().describe("rate_limited: seconds to wait."),
    }),
  })
  .meta({ id: "Error", description: "Every error under /api. Program against error.code." });
export type TApiError = z.infer<typeof ZApiErrorSchema>;
