import { NextResponse } from "next/server";
import { z } from "zod";
import { toLocale, type Locale } from "@/lib/i18n/locales";
import { AppError } from "@/lib/errors";
import { clientIp } from "./client-ip";
import { seeOther } from "./see-other";
import { isNavigationSignal } from "./navigation-signal";
import { toErrorResponse } from "./error-response";
import {
  assertContentType,
  assertNoNul,
  assertSameOrigin,
  checkParams,
  parseFormBytes,
  parseJsonBytes,
  queryObject,
  readBodyLimited,
  type Accepts,
} from "./request-guard";

export const DEFAULT_MAX_BODY = 64 * 1024;

export type RouteOptions<S extends z.ZodType | undefined, Q extends z.ZodType | undefined> = {
  /** zod schema of the JSON body (or of the form fields for `accepts: "form"`). */
  body?: S;
  /** zod schema of the query string (GET handlers). */
  query?: Q;
  /** What a non-GET request must carry. Default "json". */
  accepts?: Accepts;
  /** Largest body read, in bytes; more is a 413 before parsing. Default 64 KiB. */
  maxBody?: number;
  /** Message key of that 413, for routes where the user chose what to send (an upload). */
  tooLargeMessage?: string;
  /** Skip the same-origin check: callers that are not browsers (OCSP clients, Stripe, platforms). */
  crossOrigin?: boolean;
  /** Status of a successful JSON answer. */
  status?: number;
  /**
   * zod schema of the successful JSON answer (platform API): platformRoute types the handler's
   * result by it, and the OpenAPI document is generated from the same schema object.
   */
  response?: z.ZodType;
  /** A browser navigation (GET link): an anonymous caller is sent to the login page and back. */
  loginRedirect?: boolean;
  /** Leave the body unread for a library that parses the request itself (next-auth); content type still checked. */
  passBody?: boolean;
};

export type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

export type RouteInput<S, Q> = {
  req: Request;
  input: Infer<S>;
  query: Infer<Q>;
  /** Parsed multipart/form body when `accepts` is "multipart" or "form". */
  form: FormData | null;
  /** The raw body when `accepts` is `{ raw }`. */
  raw: Uint8Array | null;
  ip: string;
  locale: Locale;
};

const zhErrors = z.locales.zhCN().localeError;
const enErrors = z.locales.en().localeError;

/** zod's built-in issue texts in a locale (schemas' own messages, catalogue keys, still win). */
export const zodErrorMap = (locale: Locale) => (locale === "en" ? enErrors : zhErrors);

export function requestLocale(req: Request): Locale {
  const cookie = /(?:^|;\s*)locale=([^;]+)/.exec(req.headers.get("cookie") ?? "")?.[1];
  if (cookie) return toLocale(cookie);
  return toLocale(req.headers.get("accept-language")?.toLowerCase().startsWith("en") ? "en" : "zh-CN");
}

/**
 * The one request pipeline behind userRoute, publicRoute and platformRoute: path parameters,
 * origin, content type, body size, zod parsing, error mapping. `authenticate` runs first, so an
 * anonymous caller learns nothing from validation errors.
 */
export function guardedRoute<C, P, S extends z.ZodType | undefined, Q extends z.ZodType | undefined>(
  opts: RouteOptions<S, Q> & { authenticate: (req: Request) => Promise<C>; onError?: (res: Response) => Response },
  handler: (ctx: RouteInput<S, Q> & { caller: C; params: P }) => Promise<unknown>,
) {
  const accepts = opts.accepts ?? "json";
  const maxBody = opts.maxBody ?? DEFAULT_MAX_BODY;
  const route = async (req: Request, ctx?: { params: Promise<P> }): Promise<Response> => {
    const locale = requestLocale(req);
    try {
      const params = checkParams(((await ctx?.params) ?? {}) as P);
      const isRead = req.method === "GET" || req.method === "HEAD";
      if (!isRead && !opts.crossOrigin) assertSameOrigin(req.headers);
      const caller = await opts.authenticate(req);
      let input: unknown;
      let form: FormData | null = null;
      let raw: Uint8Array | null = null;
      if (!isRead && opts.passBody) {
        const declared = req.headers.get("content-length");
        assertContentType(req.headers, accepts, declared === null ? req.body !== null : Number(declared) > 0);
      } else if (!isRead) {
        const bytes = await readBodyLimited(req, maxBody).catch((err: unknown) => {
          if (opts.tooLargeMessage && err instanceof AppError && err.code === "payload_too_large") {
            throw new AppError("payload_too_large", { userMessage: opts.tooLargeMessage, fields: { file: [opts.tooLargeMessage] } });
          }
          throw err;
        });
        assertContentType(req.headers, accepts, bytes.byteLength > 0);
        if (accepts === "json" || accepts === "none") input = accepts === "json" ? parseJsonBytes(bytes) : undefined;
        else if (accepts === "multipart" || accepts === "form") {
          form = bytes.byteLength === 0 ? new FormData() : await parseFormBytes(bytes, req.headers.get("content-type") ?? "");
          assertNoNul(form);
          if (accepts === "form") input = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));
        } else raw = bytes;
      }
      // zod's own texts (a schema without a catalogue message) in the caller's language too.
      const parse = { error: zodErrorMap(locale) };
      const parsedInput = opts.body ? opts.body.parse(input, parse) : input;
      const query = opts.query ? opts.query.parse(queryObject(req.url), parse) : undefined;
      const result = await handler({
        req,
        input: parsedInput as Infer<S>,
        query: query as Infer<Q>,
        form,
        raw,
        ip: clientIp(req.headers),
        locale,
        caller,
        params,
      });
      if (result instanceof Response) return result;
      return NextResponse.json(result ?? { ok: true }, { status: opts.status ?? 200, headers: { "Cache-Control": "no-store" } });
    } catch (err) {
      if (isNavigationSignal(err)) throw err;
      if (opts.loginRedirect && err instanceof AppError && err.code === "unauthenticated") {
        const { pathname, search } = new URL(req.url);
        return seeOther(`/login?next=${encodeURIComponent(pathname + search)}`);
      }
      const res = toErrorResponse(err, locale);
      return opts.onError ? opts.onError(res) : res;
    }
  };
  // The schemas this handler parses and answers with, for the contract test to compare with the document's.
  return Object.assign(route, { schemas: { body: opts.body, query: opts.query, response: opts.response } as RouteSchemas });
}

export type RouteSchemas = { body?: z.ZodType; query?: z.ZodType; response?: z.ZodType };
