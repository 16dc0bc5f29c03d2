// Scan round trip over HTTP on loopback: a platform creates a request (POST /api/v1/scan-requests,
// HTTP Basic), a simulated phone opens it, runs the joint signature (server half through the
// scan gate) and completes it (CMS / signature verified server-side), and the platform reads the
// result (GET /api/v1/scan-requests/:id). The server is a child process serving the real platform
// route handlers and the scan domain functions (bench/scan-http-server.ts) on PostgreSQL (a scratch
// database on TEST_PG_URL's server, or BENCH_DATABASE_URL) or, without either, an embedded database
// in a temp folder. 50 round trips run at once; latency is per whole round trip.
// Read against, in the same run: the crypto-only bound of one trip (both halves of the joint
// signature and every verification the phone and the server make, one process, no HTTP, no DB),
// the server's CPU time and SQL statements per trip, and a CPU profile of the server (top 10
// functions by self time) over one-at-a-time trips.
//  - login with PIN: every round trip checks the PIN — the first scan;
//  - sign in a session (会话签章): no scan and no PIN, a CMS per request — the batch-signing path.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { type BenchResult, opsPerSecond } from "./measure";

const CONCURRENCY = 50;
const HOLDERS = 10;

function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/scan-http-server.ts"], { env, stdio: ["ignore", "pipe", "inherit"], detached: true });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const match = /^listening (\d+)$/.exec(line);
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.on("exit", (code) => reject(new Error(`scan bench server exited with ${code}`)));
  });
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** A scratch PostgreSQL database (dropped afterwards), or none: PGlite. */
async function scratchDatabase(): Promise<{ url?: string; drop: () => Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, drop: async () => {} };
  const adminUrl = process.env.TEST_PG_URL;
  if (!adminUrl) return { drop: async () => {} };
  const name = `certdesk_bench_scan_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await again.end();
    },
  };
}

/**
 * The crypto of one trip alone, one process: the phone's e and first half, the server half, the
 * phone's finish (which verifies the signature before releasing it) and the server's verification
 * of the result under the certificate's key; a document (session sign) adds the signed attributes'
 * digest and the certificate's verification under the issuing CA's key (the CMS path check).
 */
async function cryptoBound() {
  const { startKeygen, serverKeygen, finishKeygen, startSign, serverSign, finishSign } = await import("@/lib/pki/two-party");
  const { generateKeyPair, sign, verify, verifyDigest, sm2Digest } = await import("@/lib/pki/sm2");
  const { sm3 } = await import("@/lib/pki/sm3");
  const keygen = startKeygen();
  const server = serverKeygen(keygen.request);
  const publicKey = finishKeygen({ d1: keygen.d1, request: keygen.request, response: server.response });
  const ca = generateKeyPair();
  const tbs = randomBytes(700);
  const certSignature = sign(tbs, ca.privateKey, { publicKey: ca.publicKey });
  const joint = (message: Uint8Array) => {
    const s = startSign({ keyId: keygen.request.keyId, message, publicKey });
    const { response } = serverSign({ d2: server.d2, request: s.request });
    return finishSign({ d1: keygen.d1, publicKey, ...s, response });
  };
  const login = () => {
    const challenge = new TextEncoder().encode(`bench-${randomBytes(12).toString("hex")}`);
    if (!verify(joint(challenge), challenge, publicKey)) throw new Error("bound: bad signature");
  };
  const document = () => {
    const signedAttributes = randomBytes(180);
    sm3(signedAttributes);
    const signature = joint(signedAttributes);
    if (!verifyDigest(signature, sm2Digest(signedAttributes, publicKey), publicKey)) throw new Error("bound: bad signature");
    if (!verify(certSignature, tbs, ca.publicKey)) throw new Error("bound: bad certificate signature");
  };
  return { login: await opsPerSecond(login, 2000), document: await opsPerSecond(document, 2000) };
}

export async function runScanRoundTripBench(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "certdesk-bench-scan-"));
  const database = await scratchDatabase();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: database.url ?? "",
    CERTDESK_KEK: randomBytes(32).toString("hex"),
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    JOB_WORKER: "off",
    NODE_ENV: "production",
    // A desk that makes its own CA hierarchy (demo mode): production builds it only by ceremony.
    CERTDESK_DEMO: "1",
    SCAN_PLATFORM_PER_MINUTE: "1000000",
    APP_URL: "http://127.0.0.1:1",
  };
  Object.assign(process.env, env);
  // Each module runs in this process on a database and KEK of its own: parse the environment again.
  (await import("@/lib/env")).resetEnvCache();
  const { dbAdapter, closeDb, db } = await import("@/lib/db/client");
  const { applyMigrations } = await import("@/lib/db/apply-migrations");
  const { ensureCaHierarchy } = await import("@/lib/server/ca/ensure-ca-hierarchy");
  const { holderWithCertificates, PIN } = await import("../tests/integration/scan-phone-support");
  const { createPlatform } = await import("../tests/support/platform-fixtures");
  const { startSign, finishSign } = await import("@/lib/pki/two-party");
  const { signCmsDetached } = await import("@/lib/pki/cms/sign-cms-detached");
  const { unwrapShare } = await import("@/lib/phone/wrap-share");
  const { sm3 } = await import("@/lib/pki/sm3");
  const { bytesToHex, hexToBytes } = await import("@/lib/pki/encoding");

  let server: ChildProcess | undefined;
  try {
    await applyMigrations({ adapterFactory: dbAdapter().factory });
    await ensureCaHierarchy();
    const holders: Array<Awaited<ReturnType<typeof holderWithCertificates>>> = [];
    for (let i = 0; i < HOLDERS; i++) holders.push(await holderWithCertificates());
    const { authorization } = await createPlatform();
    void db;
    await closeDb();

    const started = await startServer(env);
    server = started.child;
    const base = `http://127.0.0.1:${started.port}`;
    const call = async <T>(p: string, init: { body?: unknown; user?: string; auth?: boolean } = {}): Promise<T> => {
      const res = await fetch(`${base}${p}`, {
        method: init.body === undefined ? "GET" : "POST",
        headers: { "content-type": "application/json", ...(init.auth ? { authorization } : {}), ...(init.user ? { "x-bench-user": init.user } : {}) },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const data = (await res.json()) as T & { error?: { code: string } };
      if (!res.ok) throw new Error(`${p}: ${res.status} ${data.error?.code}`);
      return data;
    };
    type Holder = (typeof holders)[number];
    /** The phone's joint signature through the scan gate; d1 from W (PIN) or kept in memory (session). */
    const signer = (h: Holder, id: string, pin?: string, isDocument = false) => ({
      publicKey: h.sign.publicKey,
      async sign(message: Uint8Array) {
        const { e, k1, request } = startSign({ keyId: h.sign.keyShareId, message, publicKey: h.sign.publicKey });
        // A document's signed attributes go along: the server recomputes e from them.
        const signedAttributes = isDocument ? Buffer.from(message).toString("base64") : undefined;
        const out = await call<{ wrapKey?: string; response: never }>(`/__bench/phone/${id}/sign`, { user: h.user.id, body: { certificateId: h.sign.cert.id, pin, request, signedAttributes } });
        const d1 = out.wrapKey ? await unwrapShare({ wrapped: h.sign.wrapped, wrapKey: out.wrapKey, keyShareId: h.sign.keyShareId }) : h.sign.d1;
        return finishSign({ d1, k1, e, publicKey: h.sign.publicKey, request, response: out.response });
      },
    });

    const loginTrip = async (h: Holder) => {
      const challenge = `bench-${randomBytes(12).toString("hex")}`;
      const created = await call<{ id: string; qrContent: string }>("/api/v1/scan-requests", { auth: true, body: { type: "login", challenge } });
      await call(`/__bench/phone/open`, { user: h.user.id, body: { token: created.qrContent.split("/m/s/")[1] } });
      const signature = await signer(h, created.id, PIN).sign(new TextEncoder().encode(challenge));
      await call(`/__bench/phone/${created.id}/complete`, { user: h.user.id, body: { certificateId: h.sign.cert.id, result: { signature: Buffer.from(signature).toString("base64") } } });
      const done = await call<{ status: string }>(`/api/v1/scan-requests/${created.id}`, { auth: true });
      if (done.status !== "completed") throw new Error(`round trip ended ${done.status}`);
    };

    // One session per holder, opened by a PIN-confirmed sign.
    const digest = bytesToHex(sm3(new TextEncoder().encode("投标文件 基准")));
    const cms = async (h: Holder, id: string, pin?: string) =>
      Buffer.from((await signCmsDetached({ digest: hexToBytes(digest), signer: { certificate: h.sign.cert.der, signer: signer(h, id, pin, true) } })).der).toString("base64");
    const sessions = new Map<string, string>();
    for (const h of holders) {
      const created = await call<{ id: string; qrContent: string }>("/api/v1/scan-requests", { auth: true, body: { type: "sign", digest, title: "开启会话" } });
      await call(`/__bench/phone/open`, { user: h.user.id, body: { token: created.qrContent.split("/m/s/")[1] } });
      const done = await call<{ session: { id: string } }>(`/__bench/phone/${created.id}/complete`, {
        user: h.user.id,
        body: { certificateId: h.sign.cert.id, result: { cms: await cms(h, created.id, PIN) }, session: { minutes: 60, autoConfirm: true } },
      });
      sessions.set(h.user.id, done.session.id);
    }
    type RouteStats = Record<string, { count: number; cpuMicros: number; statements: number }>;
    const stats = async () => call<{ cpuMicros: number; statements: number; routes: RouteStats; postgresCpuMicros: Record<string, number> | null }>("/__bench/stats");
    /** Per route of a trip, over one-at-a-time trips: server CPU and SQL statements per call. */
    const perRoute = async (trip: (h: Holder) => Promise<void>, ms: number) => {
      await call("/__bench/routes/reset");
      await run(trip, ms, 1);
      const { routes } = await stats();
      return Object.entries(routes).map(([route, r]) => `${route} ${(r.cpuMicros / 1000 / r.count).toFixed(1)} ms/${(r.statements / r.count).toFixed(0)} SQL`).join(", ");
    };
    const sessionTrip = async (h: Holder) => {
      const created = await call<{ id: string }>("/api/v1/scan-requests", { auth: true, body: { type: "sign", digest, title: "会话签章", sessionId: sessions.get(h.user.id) } });
      // The phone's poll claims it (as /api/m/scan/pending does), then signs without a PIN.
      await call(`/__bench/phone/pending`, { user: h.user.id, body: {} });
      await call(`/__bench/phone/${created.id}/complete`, { user: h.user.id, body: { certificateId: h.sign.cert.id, result: { cms: await cms(h, created.id) } } });
      const done = await call<{ status: string }>(`/api/v1/scan-requests/${created.id}`, { auth: true });
      if (done.status !== "completed") throw new Error(`round trip ended ${done.status}`);
    };

    /** CONCURRENCY workers, each running round trips back to back for `ms`. */
    const run = async (trip: (h: Holder) => Promise<void>, ms: number, concurrency = CONCURRENCY) => {
      const latencies: number[] = [];
      let errors = 0;
      const errorKinds = new Map<string, number>();
      const t0 = performance.now();
      const deadline = t0 + ms;
      await Promise.all(
        Array.from({ length: concurrency }, async (_, w) => {
          while (performance.now() < deadline) {
            const s = performance.now();
            try {
              await trip(holders[w % holders.length]!);
              latencies.push(performance.now() - s);
            } catch (err) {
              errors++;
              const kind = String(err instanceof Error ? err.message : err).slice(0, 80);
              errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
            }
          }
        }),
      );
      const elapsed = (performance.now() - t0) / 1000;
      latencies.sort((a, b) => a - b);
      const errorNote = [...errorKinds].map(([k, n]) => `${n}× ${k}`).join("; ");
      return { perSecond: latencies.length / elapsed, p50: pct(latencies, 50), p99: pct(latencies, 99), n: latencies.length, errors, errorNote, concurrency };
    };
    /** A run with the server's CPU time and SQL statements per completed trip. */
    const measured = async (trip: (h: Holder) => Promise<void>, ms: number, concurrency = CONCURRENCY) => {
      const before = await stats();
      const clientBefore = process.cpuUsage();
      const r = await run(trip, ms, concurrency);
      const client = process.cpuUsage(clientBefore);
      const after = await stats();
      const per = Math.max(1, r.n);
      // Backends that ended during the run are lost (an undercount); new ones count from zero.
      const b = before.postgresCpuMicros;
      const a = after.postgresCpuMicros;
      const postgresMs = !a || !b ? null : Object.entries(a).reduce((sum, [pid, us]) => sum + us - Math.min(us, b[pid] ?? 0), 0) / 1000 / per;
      return { ...r, cpuMs: (after.cpuMicros - before.cpuMicros) / 1000 / per, statements: (after.statements - before.statements) / per, clientCpuMs: (client.user + client.system) / 1000 / per, postgresMs };
    };
    /** Top 10 functions by self time in the server over one-at-a-time trips, per trip. */
    const profiled = async (trip: (h: Holder) => Promise<void>, ms: number) => {
      await call("/__bench/profile/start");
      const r = await run(trip, ms, 1);
      type Row = { fn: string; ms: number; pct: number };
      const { rows, busyMs, places } = await call<{ rows: Row[]; busyMs: number; places: Row[] }>("/__bench/profile/stop");
      const per = (x: Row) => ({ ...x, ms: x.ms / Math.max(1, r.n) });
      return { trips: r.n, busyMsPerTrip: busyMs / Math.max(1, r.n), rows: rows.map(per), places: places.map(per) };
    };
    await run(loginTrip, 1500); // warm-up
    await run(sessionTrip, 1000);
    // BENCH_SQL_LOG=1 prints the statements of one trip of each kind (to stderr).
    if (process.env.BENCH_SQL_LOG) {
      for (const [name, trip] of [["login with PIN", loginTrip], ["session sign", sessionTrip]] as const) {
        await call("/__bench/sql/start");
        await trip(holders[0]!);
        const { statements } = await call<{ statements: string[] }>("/__bench/sql/stop");
        console.error(`-- ${name}: ${statements.length} statements\n${statements.map((q) => `  ${q.replace(/\s+/g, " ").slice(0, 230)}`).join("\n")}`);
      }
      if (process.env.BENCH_SQL_LOG === "only") return [];
    }
    // The bound is measured right before and after the concurrent runs, and their mean used: on
    // a shared machine the load moves, and the ratio should compare figures of the same minutes.
    const boundBefore = await cryptoBound();
    const login = await measured(loginTrip, 8000);
    const session = await measured(sessionTrip, 8000);
    const boundAfter = await cryptoBound();
    const bound = { login: (boundBefore.login + boundAfter.login) / 2, document: (boundBefore.document + boundAfter.document) / 2 };
    // One at a time: the cost of a round trip without queueing, to read the concurrent figures against.
    const loginAlone = await measured(loginTrip, 3000, 1);
    const sessionAlone = await measured(sessionTrip, 3000, 1);
    const loginRoutes = await perRoute(loginTrip, 1500);
    const sessionRoutes = await perRoute(sessionTrip, 1500);
    const loginProfile = await profiled(loginTrip, 2500);
    const sessionProfile = await profiled(sessionTrip, 2500);
    const dbName = database.url ? "PostgreSQL" : "PGlite";
    const row = (name: string, r: Awaited<ReturnType<typeof measured>>, boundPerSecond: number): BenchResult[] => [
      {
        name: `${name}: throughput`,
        value: r.perSecond,
        unit: "trip/s",
        note: `${r.n} round trips, ${r.errors} errors${r.errors ? ` (${r.errorNote})` : ""}, ${r.concurrency} concurrent; ${((100 * r.perSecond) / boundPerSecond).toFixed(0)}% of the crypto-only bound (${boundPerSecond.toFixed(0)}/s); server CPU ${r.cpuMs.toFixed(1)} ms, ${r.statements.toFixed(1)} SQL statements per trip; bench client (the phones' and platform's side) CPU ${r.clientCpuMs.toFixed(1)} ms${r.postgresMs === null ? "" : `, PostgreSQL backends CPU ${r.postgresMs.toFixed(1)} ms`} per trip`,
        ...(r.concurrency > 1 ? { target: { op: ">=", value: boundPerSecond / 2, label: "≥ 50 % of the crypto-only bound" } } : {}),
      },
      { name: `${name}: p50`, value: r.p50, unit: "ms", ...(r.concurrency === 1 ? { target: { op: "<", value: 40, label: "< 40 ms" } } : {}) },
      { name: `${name}: p99`, value: r.p99, unit: "ms", ...(r.concurrency > 1 ? { target: { op: "<", value: 1000, label: `< 1 s on ${dbName === "PostgreSQL" ? "PostgreSQL" : "PostgreSQL (this run: PGlite)"}` } } : {}) },
    ];
    const profileRows = (name: string, p: Awaited<ReturnType<typeof profiled>>): BenchResult[] => [
      { name: `${name}: server CPU profile, busy time per trip`, value: p.busyMsPerTrip, unit: "ms", note: `${p.trips} one-at-a-time trips profiled; top 10 by self time below` },
      ...p.rows.map((x, i) => ({ name: `  ${i + 1}. ${x.fn}`.slice(0, 110), value: x.ms, unit: "ms", note: `${x.pct.toFixed(1)}% of busy` })),
      { name: `${name}: self time by place, per trip`, value: 0, unit: "", note: p.places.map((x) => `${x.fn} ${x.ms.toFixed(1)} ms (${x.pct.toFixed(0)}%)`).join(", ") },
    ];
    return [
      { name: `scan round trip database`, value: 0, unit: "", note: dbName },
      { name: "crypto-only bound: login trip (both halves + phone and server verifications)", value: bound.login, unit: "trip/s", note: `one process, no HTTP, no DB; mean of ${boundBefore.login.toFixed(0)} before and ${boundAfter.login.toFixed(0)} after the concurrent runs` },
      { name: "crypto-only bound: document trip (+ signed attributes digest, certificate verify)", value: bound.document, unit: "trip/s", note: `one process, no HTTP, no DB; mean of ${boundBefore.document.toFixed(0)} before and ${boundAfter.document.toFixed(0)} after` },
      ...row(`scan login with PIN, ${CONCURRENCY} concurrent [${dbName}]`, login, bound.login),
      ...row(`session sign (no scan, no PIN), ${CONCURRENCY} concurrent [${dbName}]`, session, bound.document),
      ...row(`scan login with PIN, one at a time [${dbName}]`, loginAlone, bound.login),
      ...row(`session sign, one at a time [${dbName}]`, sessionAlone, bound.document),
      { name: "scan login with PIN: server CPU and SQL per call, by route", value: 0, unit: "", note: loginRoutes },
      { name: "session sign: server CPU and SQL per call, by route", value: 0, unit: "", note: sessionRoutes },
      ...profileRows("scan login with PIN", loginProfile),
      ...profileRows("session sign", sessionProfile),
    ];
  } finally {
    if (server?.pid) {
      server.removeAllListeners("exit");
      process.kill(-server.pid, "SIGTERM");
    }
    await closeDb().catch(() => {});
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
