// What scripts/serve.mjs does to each request before Next sees it (a module of its own so a test
// can drive it over a real socket).

/** The socket's peer address in `x-certdesk-peer` (a client-sent one is overwritten), appended to X-Forwarded-For. */
export function recordPeer(req) {
  const peer = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
  req.headers["x-certdesk-peer"] = peer;
  const xff = req.headers["x-forwarded-for"];
  req.headers["x-forwarded-for"] = xff ? `${Array.isArray(xff) ? xff.join(", ") : xff}, ${peer}` : peer;
  return peer;
}

/**
 * False for a path whose %-escapes are not UTF-8 or that carries a control character, and for any
 * URL with a NUL in its query (Next answers the first with a 500; a NUL that reaches PostgreSQL
 * from a page's search parameters is a 500 too).
 */
export function isServablePath(url = "/") {
  const [pathname, query = ""] = url.split("?", 2);
  try {
    decodeURIComponent(pathname);
  } catch {
    return false;
  }
  return !/%00|[\u0000-\u001f\u007f]/i.test(pathname) && !/%00|\u0000/i.test(query);
}

export function badRequest(res) {
  res.writeHead(400, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
  res.end(JSON.stringify({ error: { code: "bad_request", message: "请求无效 / Invalid request" } }));
}
