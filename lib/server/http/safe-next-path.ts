const BASE = "http://certdesk.invalid";

/**
 * Only same-site paths may follow a login: "/orders" yes; "//evil.example", "https://…",
 * "/\t/evil.example" (browsers drop the tab and see "//evil.example"), "/\\evil" (read as "//"),
 * a newline (a 500 in the Location header) or a repeated ?next= no. The path is parsed as a URL
 * against a fixed origin and must stay on it; what comes back is the normalised path.
 */
export function safeNextPath(next: unknown, fallback = "/"): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2048) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(next) || !next.startsWith("/") || next.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
