import { ZApiErrorSchema } from "./api-error.types";

// The error responses of an operation in the platform API's OpenAPI document: every one the JSON error body.

const WHAT: Record<number, string> = {
  400: "bad_request",
  401: "unauthenticated",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  410: "gone",
  413: "payload_too_large",
  415: "unsupported_media_type",
  422: "validation_failed",
  429: "rate_limited",
  500: "internal",
};

export function openApiErrorResponses(codes: number[]) {
  return Object.fromEntries(
    codes.map((c) => [String(c) as `${4 | 5}${string}`, { description: `Error: ${WHAT[c] ?? "error"}`, content: { "application/json": { schema: ZApiErrorSchema } } }]),
  );
}
