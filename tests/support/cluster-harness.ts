// The parts the cluster fault tests and `npm run bench -- cluster` start: a private PostgreSQL
// server (initdb in a temporary folder, on its own port, so it can be stopped and restarted without
// touching the system cluster other tests use) and `npm run cluster` (scripts/cluster.ts: N real
// `next start` instances behind nginx, a local S3 store) on the production build in .next. The test
// process then points its own environment at the same database and secrets, so fixtures written
// with the domain functions here are what the instances read.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { appendFileSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { WrappedShare } from "@/lib/phone/wrap-share";

const root = path.resolve(import.meta.dirname, "../..");

function pgBin(name: string): string {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(path.join(base, v, "bin", name))) return path.join(base, v, "bin", name);
  return name; // on PATH
}

export type PrivatePostgres = {
  url: (database?: string) => string;
  /** Stops the server as a crash would (immediate: no checkpoint; recovery on the next start). */
  crash: () => void;
  start: () => void;
  close: () => void;
};

/** A PostgreSQL server of its own in a temp folder on `port` (as the postgres user when run as root). */
export function startPrivatePostgres({ port }: { port: number }): PrivatePostgres {
  const dir = mkdtempSync(path.join(tmpdir(), "certdesk-pg-"));
  const data = path.join(dir, "data");
  mkdirSync(data);
  const asRoot = process.getuid?.() === 0;
  const as = (cmd: string, args: string[]) => (asRoot ? spawnSync("runuser", ["-u", "postgres", "--", cmd, ...args], { encoding: "utf8" }) : spawnSync(cmd, args, { encoding: "utf8" }));
  if (asRoot) {
    const pw = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    chownSync(dir, Number(pw.stdout), Number(gid.stdout));
    chownSync(data, Number(pw.stdout), Number(gid.stdout));
  }
  const run = (cmd: string, args: string[]) => {
    const r = as(cmd, args);
    if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
  };
  run(pgBin("initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "-N"]);
  // Durability is not under test (a process crash keeps the OS page cache): fsync off for speed.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
  const start = () => run(pgBin("pg_ctl"), ["-D", data, "-o", options, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]);
  start();
  return {
    url: (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    crash: () => run(pgBin("pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]),
    start,
    close: () => {
      as(pgBin("pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function createDatabase(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

export type ClusterSecrets = { AUTH_SECRET: string; CERTDESK_KEK: string; CERTDESK_KMK_PUBLIC_KEY: string };

export type RunningCluster = {
  url: string;
  port: number;
  instances: string[];
  dir: string;
  secrets: ClusterSecrets;
  /** The current pid of instance i (0-based), from the pid file scripts/cluster.ts writes. */
  pid: (i: number) => number;
  /** SIGKILL instance i; resolves when scripts/cluster.ts (--respawn) has it healthy again. */
  killAndWaitRestart: (i: number) => { restarted: Promise<number> };
  output: () => string;
  stop: () => Promise<void>;
};

/** `npm run cluster -- --respawn --no-build --fresh` (by default) on the given ports and database; resolves at "cluster ready". Its output goes to `<dir>-logs/cluster.log`. */
export async function startCluster({
  instances,
  port,
  basePort,
  dir,
  databaseUrl,
  env = {},
  respawn = true,
  fresh = true,
}: {
  instances: number;
  port: number;
  basePort: number;
  dir: string;
  databaseUrl: string;
  env?: Record<string, string>;
  respawn?: boolean;
  /** Empty the cluster folder first (new secrets); false keeps secrets.json for a second start on the same database. */
  fresh?: boolean;
}): Promise<RunningCluster> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", ...env, DATABASE_URL: databaseUrl };
  for (const k of ["DATA_DIR", "APP_URL", "PORT", "S3_BUCKET", "S3_ENDPOINT", "NODE_OPTIONS", "VITEST", "VITEST_POOL_ID", "VITEST_WORKER_ID", "TEST"]) delete childEnv[k];
  const args = ["scripts/cluster.ts", "--instances", String(instances), "--port", String(port), "--base-port", String(basePort), "--dir", dir, ...(fresh ? ["--fresh"] : []), "--no-build", ...(respawn ? ["--respawn"] : [])];
  const child: ChildProcess = spawn(path.join(root, "node_modules/.bin/tsx"), args, { cwd: root, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const listeners: Array<() => void> = [];
  // Beside the cluster folder (which --fresh empties), ignored like it (.data*/).
  const log = path.join(`${dir}-logs`, "cluster.log");
  mkdirSync(path.dirname(log), { recursive: true });
  writeFileSync(log, "");
  const onData = (chunk: Buffer) => {
    appendFileSync(log, chunk);
    out += chunk.toString();
    if (out.length > 2_000_000) out = out.slice(-1_000_000);
    listeners.forEach((l) => l());
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const ready = await new Promise<{ url: string; instances: string[]; dir: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the cluster did not start in 200 s:\n${out.slice(-3000)}`)), 200_000);
    const check = () => {
      const m = out.match(/› cluster ready (\{.*\})/);
      if (m) {
        clearTimeout(timer);
        resolve(JSON.parse(m[1]!) as { url: string; instances: string[]; dir: string });
      }
    };
    listeners.push(check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the cluster exited (${code}):\n${out.slice(-3000)}`));
    });
  });
  const secrets = JSON.parse(readFileSync(path.join(dir, "secrets.json"), "utf8")) as ClusterSecrets;
  const pid = (i: number) => Number(readFileSync(path.join(dir, `instance-${i + 1}`, "pid"), "utf8"));
  return {
    ...ready,
    port,
    secrets,
    pid,
    output: () => out,
    killAndWaitRestart(i) {
      const before = out.length;
      const old = pid(i);
      process.kill(old, "SIGKILL");
      const restarted = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`instance ${i + 1} was not started again in 90 s:\n${out.slice(-3000)}`)), 90_000);
        const check = () => {
          const m = out.slice(before).match(new RegExp(`› instance ${i + 1} started (\\{.*\\})`));
          if (m) {
            clearTimeout(timer);
            resolve((JSON.parse(m[1]!) as { pid: number }).pid);
          }
        };
        listeners.push(check);
        check();
      });
      return { restarted };
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * Points this process at the cluster's database with the cluster's secrets (before any domain
 * function runs), so fixtures made here are sealed and signed as the instances expect.
 */
export async function useClusterEnvironment(cluster: RunningCluster, databaseUrl: string) {
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "certdesk-faults-")),
    AUTH_SECRET: cluster.secrets.AUTH_SECRET,
    CERTDESK_KEK: cluster.secrets.CERTDESK_KEK,
    CERTDESK_KMK_PUBLIC_KEY: cluster.secrets.CERTDESK_KMK_PUBLIC_KEY,
    CERTDESK_DEMO: "1",
    JOB_WORKER: "off",
    APP_URL: cluster.url,
  });
  (await import("@/lib/env")).resetEnvCache();
}

export type HttpAnswer = { status: number; body: unknown; upstream: string };

/** One JSON call (keep-alive fetch); the answer's body parsed when it is JSON. */
export async function sendJson(url: string, { method = "POST", body, headers = {} }: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<HttpAnswer> {
  const payload = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
  const res = await fetch(url, { method, headers: { ...(payload ? { "content-type": "application/json" } : {}), ...headers }, body: payload, signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { status: res.status, body: parsed, upstream: res.headers.get("x-certdesk-upstream") ?? "" };
}

type LoginHolder = {
  cookie: string;
  sign: { keyShareId: string; publicKey: Uint8Array; wrapped: WrappedShare; cert: { id: string } };
};

/**
 * One scan login through the desk's HTTP API as the platform and the phone app make it: the
 * platform creates the request (HTTP Basic), the phone opens it, runs the joint signature with the
 * PIN (server half at /api/m/scan/:id/sign) and completes it, the platform reads the result.
 * `step` runs each call (the fault tests retry there; the bench calls once). A retried signing
 * half starts from a fresh nonce, as the app does.
 */
export async function scanLoginTrip({ url, authorization, holder, pin, challenge, step }: { url: string; authorization: string; holder: LoginHolder; pin: string; challenge: string; step: (call: () => Promise<HttpAnswer>) => Promise<HttpAnswer> }) {
  const { startSign, finishSign } = await import("@/lib/pki/two-party");
  const { unwrapShare } = await import("@/lib/phone/wrap-share");
  const expectStatus = (what: string, a: HttpAnswer, status: number) => {
    if (a.status !== status) throw new Error(`${what}: ${a.status} ${JSON.stringify(a.body)}`);
    return a.body;
  };
  const phone = { cookie: holder.cookie };
  const { id, qrContent } = expectStatus("create", await step(() => sendJson(`${url}/api/v1/scan-requests`, { body: { type: "login", challenge }, headers: { authorization } })), 201) as { id: string; qrContent: string };
  expectStatus("open", await step(() => sendJson(`${url}/api/m/scan/open`, { body: { token: qrContent.split("/m/s/")[1] }, headers: phone })), 200);
  let started!: ReturnType<typeof startSign>;
  const message = new TextEncoder().encode(challenge);
  const out = expectStatus(
    "sign",
    await step(() => {
      started = startSign({ keyId: holder.sign.keyShareId, message, publicKey: holder.sign.publicKey });
      return sendJson(`${url}/api/m/scan/${id}/sign`, { body: { certificateId: holder.sign.cert.id, pin, request: started.request }, headers: phone });
    }),
    200,
  ) as { wrapKey: string; response: never };
  const d1 = await unwrapShare({ wrapped: holder.sign.wrapped, wrapKey: out.wrapKey, keyShareId: holder.sign.keyShareId });
  const signature = finishSign({ d1, k1: started.k1, e: started.e, publicKey: holder.sign.publicKey, request: started.request, response: out.response });
  const complete = () => sendJson(`${url}/api/m/scan/${id}/complete`, { body: { certificateId: holder.sign.cert.id, result: { signature: Buffer.from(signature).toString("base64") } }, headers: phone });
  const completed = await step(complete);
  const platform = (await step(() => sendJson(`${url}/api/v1/scan-requests/${id}`, { method: "GET", headers: { authorization } }))).body as { status: string };
  return { id, complete, completed, platform };
}
