/** Only same-site paths may follow a login: "/orders" yes, "//evil.example" or "https://..." no. */
export function safeNextPath(next: string | undefined | null, fallback = "/"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}
