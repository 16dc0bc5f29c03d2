import { env } from "@/lib/env";

/** Set by scripts/serve.mjs from the socket's peer address; whatever a client sent under this name is dropped. */
export const PEER_HEADER = "x-certdesk-peer";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function read(headers: HeaderSource, name: string): string | undefined {
  const raw = headers instanceof Headers ? headers.get(name) : headers[name];
  return (Array.isArray(raw) ? raw.join(",") : raw) ?? undefined;
}

/**
 * The client's address for rate limits. With TRUST_PROXY=0 (no reverse proxy) it is the socket's
 * peer, and X-Forwarded-For is ignored: a client writes whatever it likes there. Behind N trusted
 * proxies (TRUST_PROXY=N) each appended the address it saw, and our server appended the peer, so
 * the N-th hop from the right is the address the outermost trusted proxy saw; hops further left
 * were chosen by the client.
 */
export function clientIp(headers: HeaderSource, trustProxy = env().TRUST_PROXY): string {
  if (trustProxy === 0) return read(headers, PEER_HEADER)?.trim() || "unknown";
  const hops = (read(headers, "x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  if (hops.length === 0) return read(headers, PEER_HEADER)?.trim() || "unknown";
  return hops[Math.max(0, hops.length - 1 - trustProxy)]!;
}
