// The response headers of every page (set by proxy.ts with a fresh nonce per request). Route
// handlers under /api and /pki get their own, stricter set from next.config.mjs.

type HeaderSource = Pick<Headers, "get">;

// Only the scanner and the face check (opened from the SMS link) use the camera; a script injected
// anywhere else cannot open it.
const isCameraPath = (pathname: string) => /^\/m\/scan\/?$/.test(pathname) || /^\/m\/face\/[^/]+\/?$/.test(pathname);

// Powerful features nothing here uses (names Chromium knows: an unknown one is a console error).
// Passkeys (publickey-credentials-*) keep their default (self).
const DENIED_FEATURES = ["microphone", "geolocation", "payment", "usb", "serial", "hid", "midi", "display-capture", "browsing-topics"];

export type PageSecurityHeadersInput = {
  /** A fresh random value per response (base64), given to Next.js through the request's CSP. */
  nonce: string;
  pathname: string;
  /** The browser reached the desk over https (see isServedOverHttps). */
  https: boolean;
  /** next dev: React's development build needs eval for its stack traces. */
  dev?: boolean;
};

/** Content-Security-Policy, Permissions-Policy, HSTS and the rest, for one page response. */
export function pageSecurityHeaders({ nonce, pathname, https, dev = false }: PageSecurityHeadersInput): Record<string, string> {
  const csp = [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonce'd Next.js runtime loads are trusted; nothing inline without the nonce.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React and CSS modules set inline style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // The phone app's service worker (/sw.js).
    "worker-src 'self'",
    "manifest-src 'self'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  const camera = isCameraPath(pathname) ? "camera=(self)" : "camera=()";
  const headers: Record<string, string> = {
    "Content-Security-Policy": csp,
    "Permissions-Policy": [camera, ...DENIED_FEATURES.map((f) => `${f}=()`)].join(", "),
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    // For browsers without CSP frame-ancestors.
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/**
 * Whether the browser uses https: APP_URL says so, or (behind trusted proxies only) the
 * X-Forwarded-Proto they pass on (its first entry is the client's scheme, as ownOrigins reads it).
 * Without a trusted proxy the header is the client's own word and is ignored; a browser ignores
 * HSTS received over plain http anyway.
 */
export function isServedOverHttps({ appUrl, trustProxy, headers }: { appUrl: string; trustProxy: number; headers: HeaderSource }): boolean {
  if (new URL(appUrl).protocol === "https:") return true;
  if (trustProxy <= 0) return false;
  return headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}
