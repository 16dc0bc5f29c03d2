import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { LOCALE_COOKIE, toLocale, type Locale } from "@/lib/i18n/locales";
import { toErrorResponse } from "@/lib/server/http/error-response";
import { isSameOrigin } from "@/lib/server/http/request-guard";
import { isServedOverHttps, pageSecurityHeaders } from "@/lib/server/http/security-headers";

// The first line in front of every page: security headers with a per-request CSP nonce, and
// cross-site state-changing requests refused with a 403 before anything reads them. A convenience,
// never the only guard: route wrappers and server actions check origin and session themselves.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// Cross-origin callers that are meant to be: trading platforms (HTTP Basic, no cookies; their
// browser pages may call with CORS), Stripe's webhook, next-auth's own endpoints (their CSRF
// token), OCSP clients. The app's own /api/auth/* routes (codes, logout, passkeys …) are not here.
const CROSS_ORIGIN_ALLOWED = [
  /^\/api\/v1\//,
  /^\/api\/payments\/stripe\/webhook$/,
  /^\/api\/auth\/(signin|signout|callback|session|csrf|providers|error|verify-request|_log)(\/|$)/,
  /^\/pki\/ocsp(\/|$)/,
];

// /m/scan is the one page whose document may use the camera (Permissions-Policy). A client-side
// navigation keeps the policy of the document it started in, so /m/scan must load as a document.
const CAMERA_PAGE = /^\/m\/scan\/?$/;

function requestLocale(req: NextRequest): Locale {
  const fromCookie = req.cookies.get(LOCALE_COOKIE)?.value;
  if (fromCookie) return toLocale(fromCookie);
  const accept = req.headers.get("accept-language") ?? "";
  return /^en\b/i.test(accept) && !/zh/i.test(accept) ? "en" : "zh-CN";
}

/**
 * A fetch() from a page script rather than the browser loading a document. Next.js hides the RSC
 * headers from the proxy; a document load asks for HTML (also when the phone app's service worker
 * passes it on, which may change Sec-Fetch-Dest), the router's fetch does not.
 */
function isScriptFetch(req: NextRequest): boolean {
  if (req.headers.get("sec-fetch-dest") === "document") return false;
  return !(req.headers.get("accept") ?? "").includes("text/html");
}

function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * A server action's arguments arrive as JSON text (multipart when they carry files). Next.js decodes
 * them before any of our code runs and answers broken JSON with a 500; here it is a 400.
 */
async function hasUndecodableActionBody(req: NextRequest): Promise<boolean> {
  if (req.method !== "POST" || !req.headers.get("next-action")) return false;
  if ((req.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) return false;
  try {
    JSON.parse(await req.clone().text());
    return false;
  } catch {
    return true;
  }
}

export async function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;

  // A foreign page posting into the victim's session (a form, a fetch, a server action): Next.js
  // itself answers a foreign server action with a 500; this is a 403 with the standard body.
  if (!SAFE_METHODS.has(req.method) && !CROSS_ORIGIN_ALLOWED.some((re) => re.test(pathname)) && !isSameOrigin(req.headers)) {
    return toErrorResponse(new AppError("forbidden", { userMessage: "errors.cross_site" }), requestLocale(req));
  }
  if (await hasUndecodableActionBody(req)) return toErrorResponse(new AppError("bad_request"), requestLocale(req));
  // Route handlers set their own headers (next.config.mjs adds the API defaults).
  if (pathname.startsWith("/api/") || pathname.startsWith("/pki/")) return NextResponse.next();

  if (CAMERA_PAGE.test(pathname) && req.method === "GET" && isScriptFetch(req)) {
    // The router fetching /m/scan for a client-side navigation or a prefetch. Not a Flight answer:
    // the router then loads /m/scan as a document, with its own camera policy.
    return new NextResponse(null, { status: 204, headers: { "Cache-Control": "no-store", Vary: "Accept, Sec-Fetch-Dest" } });
  }

  const nonce = newNonce();
  const headers = pageSecurityHeaders({
    nonce,
    pathname,
    https: isServedOverHttps({ appUrl: env().APP_URL, trustProxy: env().TRUST_PROXY, headers: req.headers }),
    // env-reads allow-list: the build mode Next.js inlines (next dev), not a runtime setting.
    dev: process.env.NODE_ENV === "development",
  });
  // Next.js reads the nonce from the request's CSP and puts it on its own scripts; pages that render
  // a script themselves read x-nonce.
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]!);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
  return res;
}

export const config = {
  matcher: [
    // Pages: everything but build assets, public files and the endpoints that set their own headers.
    "/((?!api/|pki/|_next/|favicon|logo\\.svg|sw\\.js|icons/|manifest\\.webmanifest).*)",
    // API routes only when the browser says the request came from another site: running the proxy
    // on a request with a body makes Next.js buffer (and cut at 10 MB) that body, which uploads must
    // not pay. Route wrappers check Origin for browsers that do not send Sec-Fetch-Site.
    { source: "/api/:path*", has: [{ type: "header", key: "sec-fetch-site", value: "(cross-site|same-site)" }] },
  ],
};
