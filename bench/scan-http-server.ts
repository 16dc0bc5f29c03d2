// A minimal Node HTTP server for the scan round-trip benchmark: the platform API's real route
// handlers (/api/v1/scan-requests, HTTP Basic) and, for the simulated phone, the scan domain
// functions behind /__bench/phone/* (the phone routes' session-cookie check, requireUser, needs
// Next's request context; here the phone names its user in x-bench-user). Prints "listening <port>".
// /__bench/stats reports the process's CPU time and the SQL statements sent so far (counted at
// Prisma's driver adapter: each query, BEGIN and COMMIT/ROLLBACK included);
// /__bench/profile/start and /stop take an in-process CPU profile and answer its top functions.
import http from "node:http";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { dbAdapter } from "@/lib/db/client";
import { selfTimeByPlace, startProfile, stopProfile, topSelfTime } from "./cpu-profile";
import { POST as createRoute } from "@/app/api/v1/scan-requests/route";
import { GET as getRoute } from "@/app/api/v1/scan-requests/[id]/route";
import { openScanForPhone } from "@/lib/server/scan/open-scan-for-phone";
import { signForScan } from "@/lib/server/scan/sign-for-scan";
import { completePhoneScan } from "@/lib/server/scan/complete-phone-scan";
import { claimSessionRequests } from "@/lib/server/scan/claim-session-requests";
import { describeError } from "@/lib/server/http/describe-error";

const sql = { statements: 0, recording: null as string[] | null };
countStatements();

/** Wraps the driver adapter the Prisma client connects through (before its first query). */
function countStatements() {
  const factory = dbAdapter().factory as unknown as { connect: () => Promise<Record<string, unknown>> };
  const connect = factory.connect.bind(factory);
  type Fn = (...args: unknown[]) => Promise<unknown>;
  const counted = <T extends Record<string, unknown>>(target: T, names: string[]): T => {
    for (const name of names) {
      const original = target[name] as Fn | undefined;
      if (typeof original !== "function") continue;
      (target as Record<string, unknown>)[name] = (...args: unknown[]) => {
        sql.statements++;
        sql.recording?.push(typeof (args[0] as { sql?: string })?.sql === "string" ? (args[0] as { sql: string }).sql : name.toUpperCase());
        return original.apply(target, args);
      };
    }
    return target;
  };
  factory.connect = async () => {
    const adapter = counted(await connect(), ["queryRaw", "executeRaw"]);
    const start = adapter.startTransaction as Fn;
    adapter.startTransaction = async (...args: unknown[]) => {
      sql.statements++; // BEGIN
      sql.recording?.push("BEGIN");
      const tx = (await start.apply(adapter, args)) as Record<string, unknown>;
      // COMMIT and ROLLBACK come through executeRaw (commit() only releases the connection).
      return counted(tx, ["queryRaw", "executeRaw"]);
    };
    return adapter;
  };
}

/**
 * CPU time (µs) of each PostgreSQL backend serving this database, by pid, from /proc (the server
 * runs on this machine): what the trips cost PostgreSQL. Read through a connection of its own, so the
 * statement counter does not see it. Null on PGlite (in this process) or without /proc.
 */
let pgClient: Promise<pg.Client> | undefined;
async function postgresCpuMicros(): Promise<Record<string, number> | null> {
  const url = process.env.DATABASE_URL;
  if (!url) return null;
  pgClient ??= (async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    return c;
  })();
  const client = await pgClient;
  const { rows } = await client.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database()");
  const micros: Record<string, number> = {};
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      micros[pid] = (Number(fields[11]) + Number(fields[12])) * 10_000; // utime + stime (fields 14, 15), USER_HZ = 100
    } catch {
      return null;
    }
  }
  return micros;
}

async function readBody(req: http.IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function toRequest(req: http.IncomingMessage, body: Buffer): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  return new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: req.method === "POST" ? new Uint8Array(body) : undefined });
}

async function phone(url: string, userId: string, input: unknown): Promise<unknown> {
  const m = /^\/__bench\/phone\/(?:(open|pending)|([a-z0-9]+)\/(sign|complete))$/.exec(url);
  if (!m) throw new Error("no route");
  if (m[1] === "open") return openScanForPhone({ userId, token: (input as { token: string }).token });
  if (m[1] === "pending") return claimSessionRequests({ userId });
  if (m[3] === "sign") return signForScan({ userId, id: m[2]!, input });
  return completePhoneScan({ userId, id: m[2]!, input });
}

/** CPU time per route (exact only while one request runs at a time: the one-at-a-time runs). */
const routes = new Map<string, { count: number; cpuMicros: number; statements: number }>();
const routeOf = (method: string | undefined, url: string) =>
  url.startsWith("/__bench/phone/") ? `phone ${url.split("/").pop()}` : `${method} ${url.replace(/\/[a-z0-9]{20,}$/, "/:id")}`;

const server = http.createServer(async (req, res) => {
  const cpuAtStart = process.cpuUsage();
  const statementsAtStart = sql.statements;
  res.on("finish", () => {
    if ((req.url ?? "").startsWith("/__bench/") && !(req.url ?? "").startsWith("/__bench/phone/")) return;
    const cpu = process.cpuUsage(cpuAtStart);
    const key = routeOf(req.method, req.url ?? "");
    const entry = routes.get(key) ?? { count: 0, cpuMicros: 0, statements: 0 };
    entry.count++;
    entry.cpuMicros += cpu.user + cpu.system;
    entry.statements += sql.statements - statementsAtStart;
    routes.set(key, entry);
  });
  try {
    const body = await readBody(req);
    const url = req.url ?? "";
    let response: Response;
    if (url === "/__bench/stats") {
      const cpu = process.cpuUsage();
      response = Response.json({ cpuMicros: cpu.user + cpu.system, statements: sql.statements, routes: Object.fromEntries(routes), postgresCpuMicros: await postgresCpuMicros() });
    } else if (url === "/__bench/routes/reset") {
      routes.clear();
      response = Response.json({ ok: true });
    } else if (url === "/__bench/sql/start") {
      sql.recording = [];
      response = Response.json({ ok: true });
    } else if (url === "/__bench/sql/stop") {
      response = Response.json({ statements: sql.recording ?? [] });
      sql.recording = null;
    } else if (url === "/__bench/profile/start") {
      await startProfile();
      response = Response.json({ ok: true });
    } else if (url === "/__bench/profile/stop") {
      const profile = await stopProfile();
      // BENCH_CPU_PROF=<folder>: the whole profile too, for Chrome DevTools or a call-tree reading.
      if (process.env.BENCH_CPU_PROF) writeFileSync(path.join(process.env.BENCH_CPU_PROF, `scan-${Date.now()}.cpuprofile`), JSON.stringify(profile));
      response = Response.json({ ...topSelfTime(profile, 10), places: selfTimeByPlace(profile) });
    } else if (url.startsWith("/__bench/phone/")) {
      try {
        response = Response.json(await phone(url, String(req.headers["x-bench-user"]), body.length ? JSON.parse(body.toString()) : {}));
      } catch (err) {
        const { status, ...error } = describeError(err, "en");
        response = Response.json({ error }, { status });
      }
    } else if (req.method === "POST" && url === "/api/v1/scan-requests") {
      response = await createRoute(toRequest(req, body), { params: Promise.resolve({}) });
    } else if (req.method === "GET" && url.startsWith("/api/v1/scan-requests/")) {
      response = await getRoute(toRequest(req, body), { params: Promise.resolve({ id: url.split("/").pop()! }) });
    } else {
      res.writeHead(404).end();
      return;
    }
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
process.on("SIGTERM", () => process.exit(0));
