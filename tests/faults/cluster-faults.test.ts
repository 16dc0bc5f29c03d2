// Faults on the real parts: two `next start` instances behind nginx (scripts/cluster.ts, on the
// production build in .next) on a private PostgreSQL server. One instance is killed with SIGKILL in
// the middle of payment webhooks, certificate downloads and scan completions under load (and
// started again, as a supervisor would); the PostgreSQL server is crashed and restarted while the
// desk runs. Clients retry what failed, as Stripe, the phone and a platform do. Then: no order in a
// half state, no certificate issued twice, every job run to the end and every webhook / SMS
// delivered (at least once, duplicates only from a job a dead instance had started, with the same
// delivery id for the receiver to drop), and every retried call got the same answer as the first.
// Fixtures are written here with the domain functions, on the same database and secrets.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import path from "node:path";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createDatabase,
  scanLoginTrip,
  sendJson,
  startCluster,
  startPrivatePostgres,
  useClusterEnvironment,
  type HttpAnswer,
  type PrivatePostgres,
  type RunningCluster,
} from "../support/cluster-harness";

const root = path.resolve(import.meta.dirname, "../..");
const PG_PORT = 55491;
const NGINX_PORT = 8590;
const BASE_PORT = 3591;
const DATABASE = "certdesk_faults";
const WEBHOOK_SECRET = "whsec_certdesk_fault_tests";
const PIN = "285714";

const hasNginx = !spawnSync("nginx", ["-v"]).error;
const hasPostgres = !spawnSync("bash", ["-c", "ls /usr/lib/postgresql/*/bin/initdb || command -v initdb"]).status;

let pgServer: PrivatePostgres;
let cluster: RunningCluster;
let receiver: http.Server;
let receiverUrl = "";
/** Every webhook POST the platform's receiver got: its delivery id and the scan request it reports. */
const deliveries: Array<{ deliveryId: string; scanRequestId: string; status: string }> = [];

type Answer = HttpAnswer;
const send = sendJson;

/**
 * What a client does when the server fails: retry (connection refused or reset, 502/503/504) until
 * it gets an answer. Returns every answer it saw, the last one decisive.
 */
async function withRetries(call: () => Promise<Answer>, { attempts = 40 } = {}) {
  const seen: Array<Answer | { status: 0; error: string }> = [];
  for (let i = 0; i < attempts; i++) {
    try {
      const a = await call();
      seen.push(a);
      if (a.status < 500) return { final: a, seen };
    } catch (err) {
      seen.push({ status: 0, error: err instanceof Error ? err.message : String(err) });
    }
    await new Promise((r) => setTimeout(r, 100 + 50 * i));
  }
  throw new Error(`no answer after ${attempts} attempts: ${JSON.stringify(seen.slice(-3))}`);
}

/** Runs `tasks` with `concurrency` workers; `onProgress` after each task finishes (to kill mid-way). */
async function pool<T>(tasks: Array<() => Promise<T>>, concurrency: number, onProgress?: (done: number) => void): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
        onProgress?.(++done);
      }
    }),
  );
  return results;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const skip = !hasNginx || !hasPostgres || !process.env.CERTDESK_FAULT_TESTS;
describe.skipIf(skip)("faults on a cluster of two behind nginx", () => {
  beforeAll(async () => {
    const started = Date.now();
    pgServer = startPrivatePostgres({ port: PG_PORT });
    await createDatabase(pgServer.url(), DATABASE);
    receiver = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        const parsed = JSON.parse(body) as { deliveryId: string; data: { id: string; status: string } };
        deliveries.push({ deliveryId: parsed.deliveryId, scanRequestId: parsed.data.id, status: parsed.data.status });
        // A receiver that takes a moment: deliveries are in flight when an instance is killed.
        setTimeout(() => res.writeHead(200).end("ok"), 150);
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;
    cluster = await startCluster({
      instances: 2,
      port: NGINX_PORT,
      basePort: BASE_PORT,
      dir: path.join(root, ".data-cluster-faults"),
      databaseUrl: pgServer.url(DATABASE),
      env: {
        JOB_LEASE_SECONDS: "3",
        STRIPE_SECRET_KEY: "sk_test_certdesk_faults",
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        // A Stripe API nobody answers: nothing here creates intents, events come from the test.
        STRIPE_API_HOST: "http://127.0.0.1:9",
        SMS_IP_HOURLY_CAP: "10000",
        SMS_IP_DAILY_CAP: "10000",
        SCAN_PLATFORM_PER_MINUTE: "100000",
        DB_POOL_MAX: "8",
      },
    });
    await useClusterEnvironment(cluster, pgServer.url(DATABASE));
    console.log(`[faults] private PostgreSQL + cluster of 2 behind nginx started in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 240_000);

  afterAll(async () => {
    await cluster?.stop();
    receiver?.close();
    const { closeDb } = await import("@/lib/db/client");
    await closeDb().catch(() => {});
    pgServer?.close();
  }, 60_000);

  it("payment webhooks: an instance killed mid-stream, Stripe retries; every order paid, advanced and invoiced once", async () => {
    const t0 = Date.now();
    const { db } = await import("@/lib/db/client");
    const { createTestOrder, UNIT_INVOICE_DRAFT } = await import("../support/provider-fixtures");
    const stripe = new Stripe("sk_test_unused");
    const N = 24;
    const payments: Array<{ id: string; orderId: string; providerRef: string | null }> = [];
    for (let i = 0; i < N; i++) {
      const { order } = await createTestOrder({ status: "AWAITING_PAYMENT", draft: UNIT_INVOICE_DRAFT });
      payments.push(await db.payment.create({ data: { orderId: order.id, provider: "stripe", method: "wechat_pay", amountFen: 30_000, providerRef: `pi_faults_${order.id}` } }));
    }
    const events = payments.map((p) => {
      const body = JSON.stringify({
        id: `evt_faults_${p.id}`,
        object: "event",
        type: "payment_intent.succeeded",
        api_version: "2026-10-28.endive",
        created: Math.floor(Date.now() / 1000),
        data: { object: { id: p.providerRef, object: "payment_intent", amount: 30_000, amount_received: 30_000, currency: "cny", metadata: { paymentId: p.id } } },
      });
      return { body, post: () => send(`${cluster.url}/api/payments/stripe/webhook`, { body, headers: { "stripe-signature": stripe.webhooks.generateTestHeaderString({ payload: body, secret: WEBHOOK_SECRET }) } }) };
    });

    let kill: { restarted: Promise<number> } | undefined;
    const results = await pool(
      events.map((e) => () => withRetries(e.post)),
      6,
      (done) => {
        if (done === 6) kill = cluster.killAndWaitRestart(0);
      },
    );
    await kill!.restarted;
    // Stripe delivers every event again (it does, at least once): each is acknowledged, nothing moves.
    const again = await pool(events.map((e) => () => withRetries(e.post)), 6);

    const failures = results.flatMap((r) => r.seen).filter((a) => a.status === 0 || a.status >= 500).length;
    for (const r of results) expect(r.final.status, JSON.stringify(r.final.body)).toBe(200);
    for (const r of results) expect(["paid", "duplicate_event"]).toContain((r.final.body as { outcome: string }).outcome);
    for (const r of again) expect(r.final.body).toEqual({ received: true, outcome: "duplicate_event" });

    const orderIds = payments.map((p) => p.orderId);
    const stored = await db.payment.findMany({ where: { id: { in: payments.map((p) => p.id) } }, select: { status: true } });
    expect(stored.map((p) => p.status)).toEqual(Array(N).fill("SUCCEEDED"));
    const orders = await db.order.findMany({ where: { id: { in: orderIds } }, select: { status: true } });
    expect(orders.filter((o) => o.status === "AWAITING_PAYMENT")).toEqual([]);
    expect(await db.invoice.count({ where: { orderId: { in: orderIds } } })).toBe(N);
    expect(await db.webhookEvent.count({ where: { id: { in: events.map((_, i) => `evt_faults_${payments[i]!.id}`) } } })).toBe(N);
    const audits = await db.auditLog.groupBy({ by: ["targetId"], where: { action: "payment.succeeded", targetId: { in: payments.map((p) => p.id) } }, _count: true });
    expect(audits.map((a) => a._count)).toEqual(Array(N).fill(1));
    console.log(`[faults] webhooks: ${N} events, instance 1 killed after 6; ${failures} failed attempts retried; all paid once, ${N} invoices (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }, 120_000);

  it("certificate downloads: an instance killed mid-issuance, phones retry; one pair per order, and a retry gets the same pair", async () => {
    const t0 = Date.now();
    const { db } = await import("@/lib/db/client");
    const { bytesToHex } = await import("@/lib/pki/encoding");
    const { escrowShare } = await import("@/lib/pki/escrow");
    const { finishKeygen, startKeygen } = await import("@/lib/pki/two-party");
    const { startPhoneKeygen } = await import("@/lib/server/keys/start-phone-keygen");
    const { createUser } = await import("../support/factories");
    const { createSubmittedOrder } = await import("../support/review-fixtures");
    const { sessionCookie } = await import("../support/route-request");
    const N = 14;
    // The phone's two key generations are fixtures; the download (PIN, escrow, issuance, order completed) goes through nginx.
    const phones: Array<{ orderId: string; encryptKeyShareId: string; download: () => Promise<Answer> }> = [];
    for (let i = 0; i < N; i++) {
      const user = await createUser();
      const order = await createSubmittedOrder({ userId: user.id, status: "APPROVED" });
      const keys = [];
      for (const usage of ["SIGN", "ENCRYPT"] as const) {
        const { d1, request } = startKeygen();
        const res = await startPhoneKeygen({ userId: user.id, input: { orderId: order.id, usage, request } });
        keys.push({ keyShareId: res.keyShareId, d1, publicKey: finishKeygen({ d1, request, response: res.response }), escrowKey: "escrowKey" in res ? res.escrowKey : undefined });
      }
      const [sign, enc] = keys as [(typeof keys)[0], (typeof keys)[0]];
      const escrow = escrowShare({ d1: enc.d1, kmk: enc.escrowKey!, orderId: order.id, signKeyShareId: sign.keyShareId, encryptKeyShareId: enc.keyShareId, publicKey: bytesToHex(enc.publicKey) });
      const body = { signKeyShareId: sign.keyShareId, encryptKeyShareId: enc.keyShareId, pin: PIN, escrow };
      const cookie = await sessionCookie(user.id);
      phones.push({ orderId: order.id, encryptKeyShareId: enc.keyShareId, download: () => send(`${cluster.url}/api/m/orders/${order.id}/certificates`, { body, headers: { cookie } }) });
    }

    let kill: { restarted: Promise<number> } | undefined;
    // Two phones of the same holder (or a double tap) download at once for a third of the orders.
    const owners = phones.flatMap((_, i) => (i % 3 === 0 ? [i, i] : [i]));
    const results = await pool(
      owners.map((i) => () => withRetries(phones[i]!.download)),
      6,
      (done) => {
        if (done === 4) kill = cluster.killAndWaitRestart(1);
      },
    );
    await kill!.restarted;
    // A phone whose answer was lost asks again: the same pair and the same W.
    const retried = await pool(phones.map((p) => () => withRetries(p.download)), 6);

    type Issued = { wrapKey: string; certificates: Array<{ serialHex: string; pem: string; usage: string }> };
    const failures = results.flatMap((r) => r.seen).filter((a) => a.status === 0 || a.status >= 500).length;
    for (const r of [...results, ...retried]) expect(r.final.status, JSON.stringify(r.final.body)).toBe(200);
    for (const [i, p] of phones.entries()) {
      const certs = await db.certificate.findMany({ where: { orderId: p.orderId }, select: { serialHex: true, usage: true } });
      expect(certs.map((c) => c.usage).sort()).toEqual(["ENCRYPT", "SIGN"]);
      const order = await db.order.findUniqueOrThrow({ where: { id: p.orderId }, select: { status: true } });
      expect(order.status).toBe("COMPLETED");
      expect(await db.keyEscrow.count({ where: { keyShareId: p.encryptKeyShareId } })).toBe(1);
      const again = retried[i]!.final.body as Issued;
      expect(again.certificates.map((c) => c.serialHex).sort()).toEqual(certs.map((c) => c.serialHex).sort());
      // Every answer any client got for this order names the same certificates and the same W.
      const answers = results.filter((_, j) => owners[j] === i).map((r) => r.final.body as Issued);
      for (const a of answers) {
        expect(a.wrapKey).toBe(again.wrapKey);
        expect(a.certificates).toEqual(again.certificates);
      }
    }
    expect(await db.orderEvent.count({ where: { orderId: { in: phones.map((p) => p.orderId) }, type: "downloaded" } })).toBe(N);
    console.log(`[faults] downloads: ${N} orders (${Math.ceil(N / 3)} downloaded twice at once), instance 2 killed after 4; ${failures} failed attempts retried; one pair each, retries answered alike (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }, 150_000);

  it("scan completions under load with webhooks and SMS codes: an instance killed; every request completes once, every job runs to the end", async () => {
    const t0 = Date.now();
    const { db } = await import("@/lib/db/client");
    const { holderWithCertificates } = await import("../integration/scan-phone-support");
    const { createPlatform } = await import("../support/platform-fixtures");
    const { sessionCookie } = await import("../support/route-request");
    const { uniquePhone } = await import("../support/factories");
    const holders: Array<Awaited<ReturnType<typeof holderWithCertificates>> & { cookie: string }> = [];
    for (let i = 0; i < 6; i++) {
      const h = await holderWithCertificates();
      holders.push({ ...h, cookie: await sessionCookie(h.user.id) });
    }
    const { authorization } = await createPlatform({ webhookUrl: receiverUrl });
    type Holder = (typeof holders)[number];

    const trip = async (h: Holder, n: number) => {
      const seen: Array<{ status: number }> = [];
      const step = async (call: () => Promise<Answer>) => {
        const r = await withRetries(call);
        seen.push(...r.seen);
        return r.final;
      };
      const t = await scanLoginTrip({ url: cluster.url, authorization, holder: h, pin: PIN, challenge: `faults-${n}-${randomBytes(6).toString("hex")}`, step });
      return { ...t, seen };
    };
    const code = (phone: string) => withRetries(() => send(`${cluster.url}/api/auth/codes`, { body: { phone, purpose: "LOGIN" } }));

    const TRIPS = 36;
    const SMS = 16;
    const phones = Array.from({ length: SMS }, () => uniquePhone());
    let kill: { restarted: Promise<number> } | undefined;
    const tasks: Array<() => Promise<Awaited<ReturnType<typeof trip>> | Awaited<ReturnType<typeof code>>>> = [];
    for (let i = 0; i < TRIPS; i++) {
      tasks.push(() => trip(holders[i % holders.length]!, i));
      if (i % 2 === 0 && i / 2 < SMS) tasks.push(() => code(phones[i / 2]!));
    }
    const outcomes = await pool(tasks, 8, (done) => {
      if (done === 10) kill = cluster.killAndWaitRestart(0);
    });
    await kill!.restarted;
    const trips = outcomes.filter((o): o is Awaited<ReturnType<typeof trip>> => "platform" in o);
    const codes = outcomes.filter((o): o is Awaited<ReturnType<typeof code>> => !("platform" in o));
    const failures = [...trips.flatMap((t) => t.seen), ...codes.flatMap((c) => c.seen)].filter((a) => a.status === 0 || a.status >= 500).length;

    // Every round trip ended completed, and the platform reads it completed.
    for (const t of trips) {
      expect(t.completed.status, JSON.stringify(t.completed.body)).toBe(200);
      expect(t.completed.body).toMatchObject({ id: t.id, status: "completed" });
      expect(t.platform.status).toBe("completed");
    }
    // A phone whose completion answer was lost asks again: the same answer, nothing completes twice.
    for (const t of trips.slice(0, 6)) expect((await withRetries(t.complete)).final.body).toEqual(t.completed.body);
    const ids = trips.map((t) => t.id);
    const audits = await db.auditLog.groupBy({ by: ["targetId"], where: { action: "scan.login", targetId: { in: ids } }, _count: true });
    expect(audits.length).toBe(TRIPS);
    expect(audits.every((a) => a._count === 1)).toBe(true);
    for (const c of codes) expect(c.final.status, JSON.stringify(c.final.body)).toBe(200);

    // The queue drains: jobs the killed instance had claimed are taken again once their lease (3 s) ran out.
    const types = ["scan.webhook", "notify.sms"];
    await waitFor("the job queue to drain", async () => (await db.job.count({ where: { type: { in: types }, status: { in: ["PENDING", "RUNNING"] } } })) === 0, 60_000);
    expect(await db.job.count({ where: { type: { in: types }, status: "FAILED" } })).toBe(0);
    const jobs = await db.job.findMany({ where: { type: { in: types } }, select: { type: true, payload: true, attempts: true } });
    const retriedJobs = jobs.filter((j) => j.attempts > 1).length;

    // Webhooks: each completion reported to the platform; a delivery id seen twice only from a job run twice.
    const mine = deliveries.filter((d) => ids.includes(d.scanRequestId));
    const completedDeliveries = new Set(mine.filter((d) => d.status === "completed").map((d) => d.scanRequestId));
    expect(completedDeliveries.size).toBe(TRIPS);
    const attemptsOf = new Map(jobs.filter((j) => j.type === "scan.webhook").map((j) => [(j.payload as { deliveryId: string }).deliveryId, j.attempts]));
    const perDelivery = new Map<string, number>();
    for (const d of mine) perDelivery.set(d.deliveryId, (perDelivery.get(d.deliveryId) ?? 0) + 1);
    const duplicated = [...perDelivery].filter(([, n]) => n > 1);
    for (const [deliveryId, n] of duplicated) expect(attemptsOf.get(deliveryId) ?? 0).toBeGreaterThanOrEqual(n);
    for (const deliveryId of perDelivery.keys()) expect(attemptsOf.has(deliveryId)).toBe(true);

    // SMS: every code request's message in the outbox; more than one only from a job run again.
    const smsJobs = jobs.filter((j) => j.type === "notify.sms" && phones.includes((j.payload as { to: string }).to));
    const outbox = await db.outboxMessage.groupBy({ by: ["to"], where: { to: { in: phones } }, _count: true });
    expect(outbox.length).toBe(SMS);
    let extraSms = 0;
    for (const phone of phones) {
      const forPhone = smsJobs.filter((j) => (j.payload as { to: string }).to === phone);
      const sent = outbox.find((o) => o.to === phone)!._count;
      expect(sent).toBeGreaterThanOrEqual(forPhone.length);
      expect(sent).toBeLessThanOrEqual(forPhone.reduce((n, j) => n + j.attempts, 0));
      extraSms += sent - forPhone.length;
    }
    console.log(
      `[faults] scans: ${TRIPS} login round trips + ${SMS} SMS codes at 8 concurrent, instance 1 killed after 10; ${failures} failed calls retried; ` +
        `${mine.length} webhook deliveries for ${perDelivery.size} delivery ids (${duplicated.length} redelivered by a job run again), ${extraSms} SMS sent twice; ` +
        `${retriedJobs} jobs ran more than once (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
    );
  }, 180_000);

  it("PostgreSQL crashes and restarts while the desk runs: /api/health reports it, the instances reconnect without restarting", async () => {
    const t0 = Date.now();
    const pids = [cluster.pid(0), cluster.pid(1)];
    const health = (i: number) => send(`${cluster.instances[i]}/api/health`, { method: "GET" });
    for (const i of [0, 1]) expect((await health(i)).status).toBe(200);
    pgServer.crash();
    const down = await Promise.all([0, 1].map((i) => health(i)));
    for (const d of down) {
      expect(d.status).toBe(503);
      // The reason, and the driver's name for what failed (a crashed server refuses connections).
      expect(d.body).toMatchObject({ ok: false, reason: "database_unreachable", database: { ok: false, code: expect.stringMatching(/^[A-Za-z0-9_]+$/) } });
    }
    const viaNginx = await send(`${cluster.url}/api/auth/codes`, { body: { phone: "19900000001", purpose: "LOGIN" } });
    expect(viaNginx.status).toBeGreaterThanOrEqual(500);
    pgServer.start();
    const upAfter = Date.now();
    for (const i of [0, 1]) await waitFor(`instance ${i + 1} healthy again`, async () => (await health(i)).status === 200, 30_000);
    const recovered = Date.now() - upAfter;
    // Real work again, through both instances.
    const { uniquePhone } = await import("../support/factories");
    for (let i = 0; i < 4; i++) expect((await send(`${cluster.url}/api/auth/codes`, { body: { phone: uniquePhone(), purpose: "LOGIN" } })).status).toBe(200);
    // Nobody restarted an instance: they rode out the outage.
    expect([cluster.pid(0), cluster.pid(1)]).toEqual(pids);
    console.log(`[faults] PostgreSQL crash: health 503 database_unreachable on both instances; healthy ${recovered} ms after the server was back; no instance restarted (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }, 120_000);
});
