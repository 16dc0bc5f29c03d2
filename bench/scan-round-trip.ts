// Scan round trip over HTTP on loopback: a platform creates a request (POST /api/v1/scan-requests,
// HTTP Basic), a simulated phone opens it, runs the joint signature (server half through the
// scan gate) and completes it (CMS / signature verified server-side), and the platform reads the
// result (GET /api/v1/scan-requests/:id). The server is a child process serving the real platform
// route handlers and the scan domain functions (bench/scan-http-server.ts) on an embedded database
// in a temp folder. 50 round trips run at once; latency is per whole round trip.
//  - login with PIN: every round trip checks the PIN (argon2id, deliberately slow) — the first scan;
//  - sign in a session (会话签章): no scan and no PIN, a CMS per request — the batch-signing path.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import type { BenchResult } from "./measure";

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

export async function runScanRoundTripBench(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "certdesk-bench-scan-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: "",
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
      const t0 = performance.now();
      const deadline = t0 + ms;
      await Promise.all(
        Array.from({ length: concurrency }, async (_, w) => {
          while (performance.now() < deadline) {
            const s = performance.now();
            try {
              await trip(holders[w % holders.length]!);
              latencies.push(performance.now() - s);
            } catch {
              errors++;
            }
          }
        }),
      );
      const elapsed = (performance.now() - t0) / 1000;
      latencies.sort((a, b) => a - b);
      return { perSecond: latencies.length / elapsed, p50: pct(latencies, 50), p99: pct(latencies, 99), n: latencies.length, errors, concurrency };
    };
    await run(loginTrip, 1500); // warm-up
    const login = await run(loginTrip, 8000);
    const session = await run(sessionTrip, 8000);
    // One at a time: the cost of a round trip without queueing, to read the concurrent figures against.
    const loginAlone = await run(loginTrip, 3000, 1);
    const sessionAlone = await run(sessionTrip, 3000, 1);
    const row = (name: string, r: Awaited<ReturnType<typeof run>>): BenchResult[] => [
      { name: `${name}: throughput`, value: r.perSecond, unit: "trip/s", note: `${r.n} round trips, ${r.errors} errors, ${r.concurrency} concurrent` },
      { name: `${name}: p50`, value: r.p50, unit: "ms" },
      { name: `${name}: p99`, value: r.p99, unit: "ms", note: r.concurrency > 1 ? "target < 300 ms" : "" },
    ];
    return [
      ...row(`scan login with PIN, ${CONCURRENCY} concurrent`, login),
      ...row(`session sign (no scan, no PIN), ${CONCURRENCY} concurrent`, session),
      ...row("scan login with PIN, one at a time", loginAlone),
      ...row("session sign, one at a time", sessionAlone),
    ];
  } finally {
    if (server?.pid) {
      server.removeAllListeners("exit");
      process.kill(-server.pid, "SIGTERM");
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}
