/**
 * A 303 to a path on this site with a RELATIVE Location: the browser resolves it against the URL it
 * used. `new URL(path, req.url)` is not safe here, because behind `next start` or a proxy req.url's
 * host can differ from the one the browser used (then its cookies would not be sent).
 */
export function seeOther(path: string, init?: { headers?: Record<string, string> }): Response {
  return new Response(null, { status: 303, headers: { Location: path, ...(init?.headers ?? {}) } });
}
