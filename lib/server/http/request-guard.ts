import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";

// The checks every guarded entry (route wrappers, server actions, the proxy) applies before a body
// is read: where the request came from, what it carries, how big it may be, which path parameters
// may reach the database.

export type Accepts = "json" | "multipart" | "form" | "none" | { raw: readonly string[] };

type HeaderSource = Pick<Headers, "get">;

/** The origins this desk is served from: APP_URL's, and the one the browser used (Host header). */
export function ownOrigins(headers: HeaderSource): string[] {
  const origins = [new URL(env().APP_URL).origin];
  const host = headers.get("host");
  if (host && /^[A-Za-z0-9.\-:[\]]+$/.test(host)) {
    const proto = env().TRUST_PROXY > 0 ? (headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http") : "http";
    origins.push(`${proto === "https" ? "https" : "http"}://${host}`);
    if (proto !== "https") origins.push(`https://${host}`);
  }
  return origins;
}

/**
 * Refuses a request a browser sent on behalf of another site (CSRF). A browser names the sender:
 * `Sec-Fetch-Site` (every current browser) and `Origin` (every POST). A request that carries neither
 * does not come from a browser page, so it carries no victim's cookies by accident.
 * A page on another port of the same host is "same-site", not "same-origin": refused.
 */
export function isSameOrigin(headers: HeaderSource): boolean {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = headers.get("origin");
  if (origin === null) return true;
  return ownOrigins(headers).includes(origin);
}

export function assertSameOrigin(headers: HeaderSource): void {
  if (!isSameOrigin(headers)) throw new AppError("forbidden", { userMessage: "errors.cross_site" });
}

function mediaType(headers: HeaderSource): string {
  return (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/** A state-changing request must say what it carries; text/plain (what a foreign form can send) is refused. */
export function assertContentType(headers: HeaderSource, accepts: Accepts, hasBody: boolean): void {
  const type = mediaType(headers);
  // An empty body carries nothing to forge; where it came from is checked by assertSameOrigin.
  if (!hasBody && !type && typeof accepts === "string") return;
  if (accepts === "none") {
    if (hasBody && type && type !== "application/json") throw new AppError("unsupported_media_type");
    return;
  }
  const allowed =
    accepts === "json"
      ? ["application/json"]
      : accepts === "multipart"
        ? ["multipart/form-data"]
        : accepts === "form"
          ? ["application/x-www-form-urlencoded", "multipart/form-data"]
          : accepts.raw;
  if (!allowed.includes(type)) throw new AppError("unsupported_media_type");
}

/**
 * Reads the body, counting bytes as they arrive: a chunked upload with no Content-Length (or a
 * lying one) is cut off at `maxBytes` instead of being buffered whole.
 */
export async function readBodyLimited(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw new AppError("payload_too_large");
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new AppError("payload_too_large");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * PostgreSQL text cannot hold U+0000: a NUL that reaches a query is an error there (a 500), so any
 * input carrying one is refused at the door. Walks strings, keys and nested values.
 */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (depth > 64 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  if (value instanceof FormData) return [...value.entries()].some(([k, v]) => k.includes("\u0000") || (typeof v === "string" ? v.includes("\u0000") : v.name.includes("\u0000")));
  return Object.entries(value).some(([k, v]) => k.includes("\u0000") || containsNul(v, depth + 1));
}

export function assertNoNul(value: unknown): void {
  if (containsNul(value)) throw new AppError("bad_request");
}

/** JSON from bytes: an empty body is `undefined` (the schema decides), broken JSON (or a NUL) a 400. */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  if (bytes.byteLength === 0) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new AppError("bad_request", { userMessage: "errors.bad_request" });
  }
  assertNoNul(value);
  return value;
}

export async function parseFormBytes(bytes: Uint8Array, contentType: string): Promise<FormData> {
  try {
    return await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("bad_request");
  }
}

// Path parameters reach queries: a NUL byte or other control character is refused by PostgreSQL
// with an error, so it never gets that far. Anything else unknown is simply not found.
const SAFE_PARAM = /^[^\u0000-\u001f\u007f]{0,32768}$/;

export function checkParams<P>(params: P): P {
  for (const value of Object.values(params ?? {})) {
    const parts = Array.isArray(value) ? value : [value];
    for (const part of parts) if (typeof part !== "string" || !SAFE_PARAM.test(part)) throw new AppError("not_found");
  }
  return params;
}

/** True when a path's %-escapes decode to valid UTF-8 (Next answers 500 on `/x/%ff` otherwise). */
export function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** Query parameters as a plain object (repeated keys: the first value). */
export function queryObject(url: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URL(url).searchParams) if (!(k in out)) out[k] = v;
  assertNoNul(out);
  return out;
}
