/** Splits an endpoint override ("host[:port]" or "http(s)://host[:port]") into protocol and host. */
export function parseEndpoint(value: string | undefined, fallbackHost: string): { protocol: "http" | "https"; host: string } {
  if (!value) return { protocol: "https", host: fallbackHost };
  const m = /^(https?):\/\/([^/]+)\/?$/.exec(value);
  if (m) return { protocol: m[1] as "http" | "https", host: m[2] };
  return { protocol: "https", host: value.replace(/\/$/, "") };
}
