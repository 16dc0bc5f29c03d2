// `npm run cluster`: the desk as it runs on several machines, on this one. PostgreSQL (the local
// server, or DATABASE_URL), N app instances (scripts/serve.mjs, each with its own DATA_DIR and
// port), a local S3-compatible store for files, and nginx in front (keep-alive upstreams, SSE
// unbuffered). The instances share nothing but the database and the object store; the secrets
// every instance must agree on (AUTH_SECRET, CERTDESK_KEK, CERTDESK_KMK_PUBLIC_KEY) are generated
// once into the cluster folder and handed to each through its environment.
//
// Usage: npm run cluster -- [--instances 2] [--port 8080] [--base-port 3101] [--dir .data-cluster]
//                           [--database certdesk_cluster] [--fresh] [--no-build] [--respawn]
//   --fresh      drop and recreate the database and the cluster folder first
//   --no-build   use .next as it is (fails if there is no build)
//   --respawn    start an instance again when it dies (as systemd's Restart=always would) instead of
//                stopping the cluster; each start writes the instance's pid to <dir>/instance-N/pid and
//                prints `› instance N started {json}` (the fault tests kill instances with SIGKILL)
// DATABASE_URL wins over --database; otherwise the database is created on TEST_PG_URL's server
// (default postgresql://postgres:postgres@127.0.0.1:5432/postgres). Demo mode: SMS codes land in
// the outbox (/dev/outbox). Ctrl-C stops everything. When all is up it prints one line
// `› cluster ready {json}` (the URLs) for scripts and tests that start it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { bytesToHex } from "@/lib/pki/encoding";
import { generateKeyPair } from "@/lib/pki/sm2";
import { localS3Env, startLocalS3, type LocalS3 } from "./local-s3";

const root = path.resolve(import.meta.dirname, "..");
const argv = process.argv.slice(2);
const arg = (flag: string, fallback: string) => {
  const i = argv.indexOf(flag);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
};
const instances = Number(arg("--instances", "2"));
const port = Number(arg("--port", "8080"));
const basePort = Number(arg("--base-port", "3101"));
const dir = path.resolve(root, arg("--dir", ".data-cluster"));
const databaseName = arg("--database", "certdesk_cluster");
const fresh = argv.includes("--fresh");
const noBuild = argv.includes("--no-build");
const respawn = argv.includes("--respawn");
if (!Number.isInteger(instances) || instances < 1 || instances > 8) throw new Error("--instances must be 1 to 8");
if (!/^[a-z_][a-z0-9_]*$/.test(databaseName)) throw new Error("--database: lower-case letters, digits and _ only");

let children: ChildProcess[] = [];
let s3: LocalS3 | undefined;
let stopping = false;

function log(line: string) {
  console.log(`› ${line}`);
}

async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping the cluster…");
  const exits = children.filter((c) => c.exitCode === null && c.signalCode === null).map((c) => new Promise<void>((r) => c.once("exit", () => r())));
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  const timer = setTimeout(() => children.forEach((c) => c.exitCode === null && c.kill("SIGKILL")), 10_000);
  await Promise.all(exits);
  clearTimeout(timer);
  await s3?.close().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

/** The database the instances share: DATABASE_URL, or `databaseName` created on the local server. */
async function database(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const admin = new URL(process.env.TEST_PG_URL ?? "postgresql://postgres:postgres@127.0.0.1:5432/postgres");
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    if (fresh) await client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [databaseName]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${databaseName}"`);
  } finally {
    await client.end();
  }
  admin.pathname = `/${databaseName}`;
  return admin.toString();
}

type ClusterSecrets = { AUTH_SECRET: string; CERTDESK_KEK: string; CERTDESK_KMK_PUBLIC_KEY: string; kmkPrivateKeyDemoOnly: string };

/** Generated once per cluster folder; a real deployment takes them from its secret store. */
function secrets(): ClusterSecrets {
  const file = path.join(dir, "secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as ClusterSecrets;
  const kmk = generateKeyPair();
  const s: ClusterSecrets = {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    CERTDESK_KEK: randomBytes(32).toString("hex"),
    CERTDESK_KMK_PUBLIC_KEY: bytesToHex(kmk.publicKey),
    kmkPrivateKeyDemoOnly: bytesToHex(kmk.privateKey),
  };
  writeFileSync(file, JSON.stringify(s, null, 2), { mode: 0o600 });
  return s;
}

function newestMtime(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const e of readdirSync(p, { withFileTypes: true })) {
    if (e.name === "generated" || e.name.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(p, e.name)));
  }
  return newest;
}

/** `next build` unless .next is newer than every source (the same test as `npm start`). */
function ensureBuild() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (noBuild) {
    if (!existsSync(buildId)) throw new Error("--no-build: there is no build in .next");
    return;
  }
  const sources = ["app", "components", "lib", "public", "package-lock.json"].map((d) => path.join(root, d)).filter((p) => existsSync(p));
  if (existsSync(buildId) && Math.max(...sources.map(newestMtime)) < statSync(buildId).mtimeMs) return log("reusing the build in .next");
  log("building the desk (next build)…");
  const r = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error("next build failed");
}

function tsxStep(script: string, env: NodeJS.ProcessEnv) {
  const r = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), [script], { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`${script} failed`);
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url}: the instance exited (${child.exitCode})`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url}: not healthy after ${timeoutMs / 1000} s`);
}

/** nginx's configuration: round robin over keep-alive upstreams, event streams unbuffered. */
function nginxConfig({ dir, port, upstreams, runAsRoot }: { dir: string; port: number; upstreams: number[]; runAsRoot: boolean }): string {
  const t = (name: string) => path.join(dir, "tmp", name);
  return `# Generated by scripts/cluster.ts — do not edit; it is rewritten at every start.
${runAsRoot ? "user root;\n" : ""}worker_processes 1;
pid ${path.join(dir, "nginx.pid")};
error_log ${path.join(dir, "error.log")} warn;
events { worker_connections 1024; }
http {
  access_log ${path.join(dir, "access.log")};
  client_body_temp_path ${t("body")};
  proxy_temp_path ${t("proxy")};
  fastcgi_temp_path ${t("fastcgi")};
  uwsgi_temp_path ${t("uwsgi")};
  scgi_temp_path ${t("scgi")};
  # Uploads are capped by the app (10 MiB a material); nginx lets a little more through so the app answers.
  client_max_body_size 12m;
  upstream certdesk {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join("\n")}
    keepalive 32;
    keepalive_timeout 60s;
  }
  server {
    listen 127.0.0.1:${port};
    # Which instance answered (this is a local cluster: tests read it to see both instances work).
    add_header X-CertDesk-Upstream $upstream_addr always;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $http_host;
    # scripts/serve.mjs appends the socket peer (this nginx) after these; TRUST_PROXY=1 takes the hop before it.
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_next_upstream error timeout;
    location / {
      proxy_pass http://certdesk;
    }
    # Server-sent events: every event goes out as it is written, and a stream may stay open for minutes.
    location ~ /events$ {
      proxy_pass http://certdesk;
      proxy_buffering off;
      proxy_cache off;
      proxy_read_timeout 15m;
    }
  }
}
`;
}

async function main() {
  if (spawnSync("nginx", ["-v"]).error) throw new Error("nginx is not installed (Debian: apt-get install nginx)");
  if (fresh) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const url = `http://127.0.0.1:${port}`;
  const databaseUrl = await database();
  const shared = secrets();
  s3 = await startLocalS3({ directory: path.join(dir, "s3"), bucket: "certdesk" });
  log(`object store ${s3.endpoint} (bucket ${s3.bucket})`);

  const base: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    CERTDESK_DEMO: process.env.CERTDESK_DEMO ?? "1",
    DATABASE_URL: databaseUrl,
    APP_URL: process.env.APP_URL ?? url,
    TRUST_PROXY: "1",
    AUTH_SECRET: shared.AUTH_SECRET,
    CERTDESK_KEK: shared.CERTDESK_KEK,
    CERTDESK_KMK_PUBLIC_KEY: shared.CERTDESK_KMK_PUBLIC_KEY,
    ...localS3Env(s3),
    DATA_DIR: path.join(dir, "migrate"),
  };
  log("migrating and seeding the database…");
  tsxStep("scripts/db-migrate.ts", base);
  tsxStep("prisma/seed.ts", base);
  ensureBuild();

  const ports = Array.from({ length: instances }, (_, i) => basePort + i);
  const instanceUrls = ports.map((p) => `http://127.0.0.1:${p}`);
  const instanceProcs: ChildProcess[] = [];
  const startInstance = (i: number, p: number) => {
    const instanceDir = path.join(dir, `instance-${i + 1}`);
    mkdirSync(instanceDir, { recursive: true });
    const env = { ...base, DATA_DIR: instanceDir, PORT: String(p) };
    const child = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs"), "-p", String(p), "-H", "127.0.0.1"], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
    instanceProcs[i] = child;
    children = [...children.filter((c) => c.exitCode === null && c.signalCode === null), child];
    writeFileSync(path.join(instanceDir, "pid"), String(child.pid));
    child.on("exit", (code, signal) => {
      if (stopping) return;
      if (!respawn) {
        console.error(`› instance ${i + 1} (port ${p}) exited (${signal ?? code}): stopping the cluster`);
        return void stopAll(1);
      }
      console.error(`› instance ${i + 1} (port ${p}) exited (${signal ?? code}): starting it again`);
      const next = startInstance(i, p);
      waitHealthy(instanceUrls[i]!, next).then(
        () => console.log(`› instance ${i + 1} started ${JSON.stringify({ instance: i + 1, pid: next.pid, url: instanceUrls[i] })}`),
        (err: unknown) => console.error(`› instance ${i + 1}: ${err instanceof Error ? err.message : String(err)}`),
      );
    });
    return child;
  };
  ports.forEach((p, i) => startInstance(i, p));
  await Promise.all(instanceUrls.map((u, i) => waitHealthy(u, instanceProcs[i]!)));

  const nginxDir = path.join(dir, "nginx");
  for (const t of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(nginxDir, "tmp", t), { recursive: true });
  const conf = path.join(nginxDir, "nginx.conf");
  writeFileSync(conf, nginxConfig({ dir: nginxDir, port, upstreams: ports, runAsRoot: process.getuid?.() === 0 }));
  const check = spawnSync("nginx", ["-t", "-q", "-p", nginxDir, "-c", conf], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx refused its configuration:\n${check.stderr}`);
  const nginx = spawn("nginx", ["-p", nginxDir, "-c", conf, "-g", "daemon off;"], { stdio: ["ignore", "inherit", "inherit"] });
  children.push(nginx);
  nginx.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`› nginx exited (${signal ?? code}): stopping the cluster`);
      void stopAll(1);
    }
  });
  await waitHealthy(url, nginx, 15_000);

  log(`CertDesk on ${instances} instance(s) behind nginx: ${url}`);
  log(`instances ${instanceUrls.join(", ")}; files in ${s3.endpoint}; database ${new URL(databaseUrl).pathname.slice(1)}`);
  log(`demo desk: SMS codes in ${url}/dev/outbox. Ctrl-C stops everything.`);
  console.log(`› cluster ready ${JSON.stringify({ url, instances: instanceUrls, pids: instanceProcs.map((c) => c.pid), s3: s3.endpoint, dir })}`);
}

main().catch((err: unknown) => {
  console.error(`› cluster: ${err instanceof Error ? err.message : String(err)}`);
  void stopAll(1);
});
