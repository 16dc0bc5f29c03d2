// The one error type. Domain code throws AppError; routes turn any error into a response
// with toErrorResponse (lib/server/http/error-response.ts). userMessage is a catalogue key
// (errors.*) or literal text; params fill its placeholders.

export const ERROR_STATUS = {
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  locked: 423,
  code_invalid: 422,
  code_expired: 422,
  gone: 410,
  bad_request: 400,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  payment_required: 402,
  provider_failed: 502,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly params?: Record<string, string | number>;
  readonly fields?: FieldErrors;
  /** Seconds the caller should wait (rate limits, locks). */
  readonly retryAfter?: number;

  constructor(
    code: ErrorCode,
    opts: {
      userMessage?: string;
      params?: Record<string, string | number>;
      fields?: FieldErrors;
      retryAfter?: number;
      cause?: unknown;
    } = {},
  ) {
    super(opts.userMessage ?? code, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.userMessage = opts.userMessage ?? `errors.${code}`;
    this.params = opts.params;
    this.fields = opts.fields;
    this.retryAfter = opts.retryAfter;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
