// The production server: `next start` plus what it cannot do itself.
// - The socket's peer address goes to the app in `x-certdesk-peer` (a client-sent header of that name
//   is dropped) and is appended to X-Forwarded-For. Next only sets X-Forwarded-For when it is absent,
//   so without this a client chooses the address every per-IP limit counts.
// - A path whose %-escapes are not valid UTF-8 is a 400 here; inside Next it is a 500.
// Usage: node scripts/serve.mjs [-p PORT] [-H HOST]   (PORT / HOSTNAME from the environment otherwise)
import http from "node:http";
import path from "node:path";
import next from "next";
import { badRequest, isServablePath, recordPeer } from "./serve-request.mjs";

const root = path.resolve(import.meta.dirname, "..");
const argv = process.argv.slice(2);
const arg = (flag) => {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
};
const port = Number(arg("-p") ?? process.env.PORT ?? 3000);
const hostname = arg("-H") ?? process.env.HOSTNAME ?? "0.0.0.0";

process.env.NODE_ENV ??= "production";

const app = next({ dev: false, dir: root, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  recordPeer(req);
  if (!isServablePath(req.url)) return badRequest(res);
  handle(req, res).catch((err) => {
    console.error("[serve] unhandled", err);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => console.log(`› CertDesk listening on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`));

const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
