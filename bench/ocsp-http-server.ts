// A minimal Node HTTP server around the OCSP route handlers of app/(pki)/pki/ocsp, for the
// OCSP benchmark: the same handler code as under Next, without Next's router in front, against
// the embedded database in DATA_DIR. Prints "listening <port>" once ready.
import http from "node:http";
import { POST } from "@/app/(pki)/pki/ocsp/route";
import { GET } from "@/app/(pki)/pki/ocsp/[...request]/route";
import { CA_PROFILE } from "@/lib/server/ca/ca-profile";

// Harness-only controls, not part of the app: read this process's CPU time (so the figures can be
// turned into CPU per response, which a busy shared machine distorts far less than wall time),
// switch the per-process answer memo off to measure the one-query database path alone, and
// answer a constant to measure what loopback HTTP itself costs here.
const FLOOR_BODY = Buffer.alloc(1200, 0x30);

function harness(url: string, res: http.ServerResponse): boolean {
  // The HTTP floor of this machine: same server, same client, a constant answer, no handler.
  if (url === "/__bench/floor") {
    res.writeHead(200, { "Content-Type": "application/ocsp-response" }).end(FLOOR_BODY);
    return true;
  }
  if (url === "/__bench/cpu") {
    const { user, system } = process.cpuUsage();
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ cpuMicros: user + system }));
    return true;
  }
  const memo = /^\/__bench\/memo\/(\d+)$/.exec(url);
  if (memo) {
    (CA_PROFILE.ocsp as { memoMs: number }).memoMs = Number(memo[1]);
    res.writeHead(204).end();
    return true;
  }
  return false;
}

async function toRequest(req: http.IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const body = req.method === "POST" ? Buffer.concat(chunks) : undefined;
  return new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body });
}

const server = http.createServer(async (req, res) => {
  try {
    if (req.url?.startsWith("/__bench/") && harness(req.url, res)) return;
    const isPost = req.method === "POST" && req.url === "/pki/ocsp";
    const isGet = req.method === "GET" && req.url?.startsWith("/pki/ocsp/");
    if (!isPost && !isGet) {
      res.writeHead(404).end();
      return;
    }
    const response = isPost ? await POST(await toRequest(req)) : await GET(await toRequest(req));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
});
server.keepAliveTimeout = 30_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : 0}`);
});
// Exit normally on SIGTERM, so that --cpu-prof (NODE_OPTIONS) can write its profile.
process.on("SIGTERM", () => process.exit(0));
