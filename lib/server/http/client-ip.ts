// The client's address for rate limits. Next's server appends the socket's peer address to
// X-Forwarded-For, so the last hop is always the real peer; behind N trusted reverse proxies
// (TRUST_PROXY=N) we step N hops to the left. Hops further left are chosen by the client.
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const hops = (value ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  if (hops.length === 0) return "unknown";
  const trusted = Math.max(0, Number(process.env.TRUST_PROXY ?? 0) || 0);
  return hops[Math.max(0, hops.length - 1 - trusted)]!;
}
