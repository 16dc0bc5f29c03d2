import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { uniquePhone } from "./fixtures/auth";
import { loginRequestAs } from "./support-guard/login";

// Several instances behind nginx (`npm run cluster`, started here on the production build the suite
// runs on): what one instance writes, the other sees, because they share only PostgreSQL and the
// object store. Needs PostgreSQL (TEST_PG_URL, as in CI) and nginx.

const root = path.resolve(import.meta.dirname, "../..");
const NGINX_PORT = 8480;
const BASE_PORT = 3481;
const DATABASE = "certdesk_cluster_e2e";
const DIR = path.join(root, ".data-cluster-e2e");
const IP_HOURLY_CAP = 6;
const PHOTO = readFileSync(path.join(root, "tests/fixtures/sample-photo.jpg"));
const UNIT = { name: "沙箱测试科技有限公司", uscc: "91350100M000100Y43", bankName: "中国工商银行", bankAccount: "0200001009000012345" };

const hasNginx = !spawnSync("nginx", ["-v"]).error;
test.skip(!process.env.TEST_PG_URL || !hasNginx, "needs PostgreSQL (TEST_PG_URL) and nginx");
test.describe.configure({ mode: "serial", timeout: 120_000 });

type Cluster = { url: string; instances: [string, string]; s3: string; dir: string };
let cluster: Cluster;
let proc: ChildProcess | undefined;
const contexts: APIRequestContext[] = [];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const env: NodeJS.ProcessEnv = { ...process.env, SMS_IP_HOURLY_CAP: String(IP_HOURLY_CAP), SMS_IP_DAILY_CAP: "1000", CERTDESK_E2E_FIXTURES: "1" };
  for (const k of ["DATABASE_URL", "DATA_DIR", "APP_URL", "PORT", "S3_BUCKET", "S3_ENDPOINT", "NODE_OPTIONS"]) delete env[k];
  const args = ["scripts/cluster.ts", "--instances", "2", "--port", String(NGINX_PORT), "--base-port", String(BASE_PORT), "--dir", DIR, "--database", DATABASE, "--fresh", "--no-build"];
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  proc = child;
  let output = "";
  cluster = await new Promise<Cluster>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the cluster did not start in 200 s:\n${output.slice(-3000)}`)), 200_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = output.match(/› cluster ready (\{.*\})/);
      if (ready) {
        clearTimeout(timer);
        resolve(JSON.parse(ready[1]!) as Cluster);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the cluster exited (${code}):\n${output.slice(-3000)}`));
    });
  });
});

test.afterAll(async () => {
  await Promise.all(contexts.map((c) => c.dispose()));
  if (proc && proc.exitCode === null) {
    const exited = new Promise((r) => proc!.once("exit", r));
    proc.kill("SIGTERM");
    await exited;
  }
  const admin = new pg.Client({ connectionString: process.env.TEST_PG_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
  await admin.end();
});

async function contextOn(baseURL: string, storageState?: Awaited<ReturnType<APIRequestContext["storageState"]>>) {
  const ctx = await playwrightRequest.newContext({ baseURL, storageState });
  contexts.push(ctx);
  return ctx;
}

/** A raw request from a chosen loopback address (each test its own client address for per-IP limits). */
function send(url: string, { method = "GET", body, localAddress, headers = {} }: { method?: string; body?: unknown; localAddress?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; upstream: string; text: string }>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(url, { method, localAddress, agent: false, headers: { ...headers, ...(payload ? { "content-type": "application/json" } : {}) } }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode!, upstream: String(res.headers["x-certdesk-upstream"] ?? ""), text }));
    });
    req.on("error", reject);
    req.end(payload);
  });
}

const portOf = (url: string) => new URL(url).port;

test("a session made by SMS login on instance A is valid on instance B and through nginx on both", async () => {
  const [a, b] = cluster.instances;
  const onA = await contextOn(a);
  await loginRequestAs(onA);
  const created = await onA.post("/api/identity-checks", { data: { method: "CORP_DEPOSIT", role: "ENTERPRISE", subject: UNIT } });
  expect(created.status(), await created.text()).toBe(201);
  const { checkId } = (await created.json()) as { checkId: string };

  const state = await onA.storageState();
  const onB = await contextOn(b, state);
  const fromB = await onB.get(`/api/identity-checks/${checkId}`);
  expect(fromB.status(), await fromB.text()).toBe(200);
  expect(await fromB.json()).toEqual(await (await onA.get(`/api/identity-checks/${checkId}`)).json());

  const anonymous = await contextOn(b);
  expect((await anonymous.get(`/api/identity-checks/${checkId}`)).status()).toBe(401);

  const viaNginx = await contextOn(cluster.url, state);
  const upstreams = new Set<string>();
  for (let i = 0; i < 4; i++) {
    const res = await viaNginx.get(`/api/identity-checks/${checkId}`);
    expect(res.status()).toBe(200);
    upstreams.add(res.headers()["x-certdesk-upstream"]!.split(":").pop()!);
  }
  expect([...upstreams].sort()).toEqual([portOf(a), portOf(b)].sort());
});

test("the per-address code limit counts requests on both instances together: refused at the same count as on one", async () => {
  // Through nginx from 127.0.0.9: nginx alternates the instances, X-Forwarded-For carries the address.
  const results = [];
  for (let i = 0; i <= IP_HOURLY_CAP; i++) {
    results.push(await send(`${cluster.url}/api/auth/codes`, { method: "POST", body: { phone: uniquePhone(), purpose: "LOGIN" }, localAddress: "127.0.0.9" }));
  }
  const accepted = results.slice(0, IP_HOURLY_CAP);
  expect(accepted.map((r) => r.status)).toEqual(Array(IP_HOURLY_CAP).fill(200));
  expect(new Set(accepted.map((r) => r.upstream)).size).toBe(2); // both instances counted
  expect(results[IP_HOURLY_CAP]!.status).toBe(429);

  // One instance alone, from another address: the same count.
  const single = [];
  for (let i = 0; i <= IP_HOURLY_CAP; i++) {
    single.push((await send(`${cluster.instances[0]}/api/auth/codes`, { method: "POST", body: { phone: uniquePhone(), purpose: "LOGIN" }, localAddress: "127.0.0.10" })).status);
  }
  expect(single).toEqual([...Array(IP_HOURLY_CAP).fill(200), 429]);
});

test("a file uploaded through instance A is served by instance B from the object store", async ({ browser }) => {
  const [a, b] = cluster.instances;
  const desk = await browser.newContext({ baseURL: a });
  const phone = await loginRequestAs(desk.request);
  expect(phone).toMatch(/^199/);
  const page = await desk.newPage();
  await page.goto("/apply/unit");
  await page.getByTestId("start").click();
  await page.waitForURL(/\/apply\/unit\/[^/]+\/method$/, { timeout: 30_000 });
  const orderId = page.url().split("/")[5]!;

  const uploaded = await desk.request.post(`/api/orders/${orderId}/materials`, { multipart: { kind: "BUSINESS_LICENSE", file: { name: "营业执照.jpg", mimeType: "image/jpeg", buffer: PHOTO } } });
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  const { id } = (await uploaded.json()) as { id: string };

  const fromA = await desk.request.get(`${a}/api/materials/${id}`);
  const fromB = await desk.request.get(`${b}/api/materials/${id}`);
  expect(fromA.status()).toBe(200);
  expect(fromB.status(), await fromB.text()).toBe(200);
  expect(fromB.headers()["content-type"]).toBe("image/jpeg");
  const bytes = await fromB.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]); // a JPEG (the desk re-encodes photos)
  expect(bytes.equals(await fromA.body())).toBe(true);
  // Nothing on either instance's disk: the bytes are in the bucket.
  for (const i of [1, 2]) expect(existsSync(path.join(cluster.dir, `instance-${i}`, "files"))).toBe(false);
  expect(readdirSync(path.join(cluster.dir, "s3"), { recursive: true }).some((f) => String(f).includes(orderId) || String(f).includes(id))).toBe(true);
  await desk.close();
});

test("an event written through one instance reaches a stream held through nginx on the other", async () => {
  const [a, b] = cluster.instances;
  const onA = await contextOn(a);
  await loginRequestAs(onA);
  const cookie = (await onA.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const delays: number[] = [];
  const writes: number[] = [];

  for (let round = 0; round < 5; round++) {
    const created = await onA.post("/api/identity-checks", { data: { method: "CORP_DEPOSIT", role: "ENTERPRISE", subject: UNIT } });
    expect(created.status(), await created.text()).toBe(201);
    const { checkId } = (await created.json()) as { checkId: string };
    let code: string | undefined;
    await expect
      .poll(async () => (code = (await (await onA.get(`/sandbox/bank/${checkId}`)).text()).match(/验证码(\d{6})/)?.[1]), { timeout: 15_000 })
      .toBeTruthy();

    // Hold the stream through nginx; write through the instance that is not holding it.
    const stream = await openStream(`${cluster.url}/api/identity-checks/${checkId}/events`, cookie);
    await stream.next((data) => data.status === "PENDING");
    expect([portOf(a), portOf(b)]).toContain(stream.upstreamPort);
    const writer = stream.upstreamPort === portOf(a) ? b : a;
    const sent = Date.now(); // from the write's start: the event may arrive before the write's response
    const confirmed = await onA.post(`${writer}/api/identity-checks/${checkId}/code`, { data: { code } });
    expect(confirmed.status(), await confirmed.text()).toBe(200);
    const written = Date.now() - sent;
    await stream.next((data) => data.status === "PASSED");
    delays.push(Date.now() - sent);
    writes.push(written);
    stream.close();
  }
  console.log(
    `[cluster] SSE: write started on one instance → event on the other's stream through nginx: ${delays.map((d) => `${d} ms`).join(", ")} ` +
      `(the write's own round trip: ${writes.map((d) => `${d} ms`).join(", ")}; streams wake on PostgreSQL NOTIFY, poll once a second)`,
  );
  // Within 1 s of the write: NOTIFY wakes the stream at once (the 1 s poll alone would miss this at times).
  for (const d of delays) expect(d).toBeLessThan(1_000);
});

/** An event stream read event by event (server-sent events over nginx). */
async function openStream(url: string, cookie: string) {
  const events: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  let buffer = "";
  const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const req = http.get(url, { headers: { cookie, accept: "text/event-stream" }, agent: false }, resolve);
    req.on("error", reject);
  });
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-type"]).toMatch(/^text\/event-stream/);
  res.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split("\n").find((l) => l.startsWith("data: "));
      if (data) events.push(JSON.parse(data.slice(6)) as Record<string, unknown>);
    }
    waiters.splice(0).forEach((w) => w());
  });
  let seen = 0;
  return {
    upstreamPort: String(res.headers["x-certdesk-upstream"] ?? "").split(":").pop()!,
    async next(match: (data: Record<string, unknown>) => boolean) {
      const until = Date.now() + 10_000;
      for (;;) {
        while (seen < events.length) if (match(events[seen++]!)) return;
        if (Date.now() > until) throw new Error(`no matching event; got ${JSON.stringify(events)}`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 250);
        });
      }
    },
    close: () => res.destroy(),
  };
}
