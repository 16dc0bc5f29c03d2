import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { resetFileStorage, getFileStorage } from "@/lib/storage/get-file-storage";
import { db } from "@/lib/db/client";
import { keyedHash } from "@/lib/db/keyed-hash";
import { sealSecret } from "@/lib/db/seal";
import { runDueJobs } from "@/lib/server/jobs/run-jobs";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { ensureCaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { createScanRequest } from "@/lib/server/scan/create-scan-request";
import { openScanRequest } from "@/lib/server/scan/open-scan-request";
import { completeScanRequest } from "@/lib/server/scan/complete-scan-request";
import { rejectScanRequest } from "@/lib/server/scan/reject-scan-request";
import { claimSessionRequests } from "@/lib/server/scan/claim-session-requests";
import { signWebhook, verifyWebhook, SIGNATURE_HEADER } from "@/lib/platform/webhook-signature";
import { DELIVERY_HEADER, EVENT_TIME_HEADER, SEQUENCE_HEADER, type WebhookDelivery } from "@/lib/platform/webhook-delivery";
import { demoClientSecret } from "@/lib/demo-tender/demo-credentials";
import { readDemoWebhook } from "@/lib/demo-tender/demo-webhooks";
import { POST as demoWebhookRoute } from "@/app/demo/tender/api/webhook/route";
import { POST as demoLogoutRoute } from "@/app/demo/tender/api/logout/route";
import { POST as demoStepRoute } from "@/app/demo/tender/api/steps/[step]/route";
import { issuedUnit } from "./certs-support";

// The demo platform's files go to a throwaway folder, not the working tree's .data.
process.env.STORAGE_DIR = mkdtempSync(path.join(tmpdir(), "certdesk-webhook-"));
resetEnvCache();
resetFileStorage();

type Received = { headers: IncomingHttpHeaders; body: string; status: number; answer: string };

/**
 * A real HTTP receiver on 127.0.0.1 in front of the demo platform's webhook route: CertDesk's job
 * handler POSTs here over the network; the receiver records each delivery and hands it to the route
 * (or answers 503 while `failNext` > 0, as a platform that is down).
 */
const received: Received[] = [];
let failNext = 0;
let forward = true;
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", async () => {
    const body = Buffer.concat(chunks);
    const entry: Received = { headers: req.headers, body: body.toString("utf8"), status: 0, answer: "" };
    received.push(entry);
    if (failNext > 0 || !forward) {
      if (failNext > 0) failNext--;
      entry.status = forward ? 503 : 200;
      res.writeHead(entry.status).end();
      return;
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && !["host", "connection", "content-length", "transfer-encoding", "keep-alive"].includes(k)) headers.set(k, v);
    const answer = await demoWebhookRoute(new Request(`http://127.0.0.1${req.url}`, { method: "POST", headers, body }), { params: Promise.resolve({}) });
    entry.status = answer.status;
    entry.answer = await answer.text();
    res.writeHead(answer.status, { "content-type": "application/json" }).end(entry.answer);
  });
});
let hookUrl = "";

/** The demo platform as the seed registers it: its secret is the demo's derived client secret. */
async function demoPlatform() {
  const code = `demo-${randomBytes(4).toString("hex")}`;
  const secret = demoClientSecret();
  return db.tradingPlatform.create({
    data: {
      code,
      name: `演示平台 ${code}`,
      clientId: `${code}-id`,
      clientSecretHash: keyedHash("platform-secret", secret),
      clientSecretEnc: sealSecret(new TextEncoder().encode(secret), `platform-secret:${code}`),
      callbackUrls: [],
      webhookUrl: hookUrl,
    },
  });
}

const tokenOf = (qrContent: string) => qrContent.split("/m/s/")[1]!;
const bodyOf = (r: Received) => JSON.parse(r.body) as WebhookDelivery;
const forRequest = (id: string) => received.filter((r) => bodyOf(r).data.id === id);

/** POSTs bytes with headers to the receiver, as an attacker replaying a captured delivery would. */
async function post(headers: IncomingHttpHeaders | Record<string, string>, body: string) {
  const h: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (typeof v === "string" && !["host", "connection", "content-length", "transfer-encoding"].includes(k)) h[k] = v;
  const res = await fetch(hookUrl, { method: "POST", headers: h, body });
  return { status: res.status, json: (await res.json().catch(() => null)) as { outcome?: string; error?: { code: string } } | null };
}

async function scannedRequest(platformId: string) {
  const { user, issued } = await issuedUnit();
  const created = await createScanRequest({ platformId, input: { type: "sync_subject", expiresIn: 120 } });
  await openScanRequest({ userId: user.id, token: tokenOf(created.qrContent) });
  return { user, issued, id: created.id };
}

const complete = (r: Awaited<ReturnType<typeof scannedRequest>>) =>
  completeScanRequest({ userId: r.user.id, id: r.id, certificateId: r.issued.sign.id, result: {} });

describe("webhook deliveries: ids, sequences, and a receiver that drops replays", () => {
  let platformId = "";
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/demo/tender/api/webhook`;
    await ensureCaHierarchy();
    platformId = (await demoPlatform()).id;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    failNext = 0;
    forward = true;
  });

  it("each state a request reaches is one delivery, with an increasing sequence, signed with id and sequence in the body", async () => {
    const r = await scannedRequest(platformId);
    await runDueJobs();
    await complete(r);
    await runDueJobs();

    const hooks = forRequest(r.id);
    expect(hooks.map((h) => [bodyOf(h).data.status, bodyOf(h).sequence])).toEqual([
      ["scanned", 1],
      ["completed", 2],
    ]);
    const row = await db.scanRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(bodyOf(hooks[0]!).occurredAt).toBe(row.scannedAt!.toISOString());
    expect(bodyOf(hooks[1]!).occurredAt).toBe(row.completedAt!.toISOString());
    expect(bodyOf(hooks[0]!).deliveryId).not.toBe(bodyOf(hooks[1]!).deliveryId);
    for (const h of hooks) {
      const d = bodyOf(h);
      expect(d.deliveryId).toMatch(/^[0-9a-f-]{36}$/);
      expect(h.headers[DELIVERY_HEADER]).toBe(d.deliveryId);
      expect(h.headers[SEQUENCE_HEADER]).toBe(String(d.sequence));
      expect(h.headers[EVENT_TIME_HEADER]).toBe(d.occurredAt);
      expect(verifyWebhook(demoClientSecret(), h.body, h.headers[SIGNATURE_HEADER] as string)).toBe(true);
      expect(h.status).toBe(200);
      expect(JSON.parse(h.answer)).toMatchObject({ ok: true, outcome: "applied" });
    }
    expect(await readDemoWebhook(r.id)).toMatchObject({ status: "completed", sequence: 2, deliveryId: bodyOf(hooks[1]!).deliveryId });

    // A declined request: scanned 1, rejected 2.
    const d = await scannedRequest(platformId);
    await runDueJobs();
    await rejectScanRequest({ userId: d.user.id, id: d.id });
    await runDueJobs();
    expect(forRequest(d.id).map((h) => [bodyOf(h).data.status, bodyOf(h).sequence])).toEqual([
      ["scanned", 1],
      ["rejected", 2],
    ]);
  });

  it("a request reaching the phone through a signing session (no scan) is delivered as scanned too", async () => {
    const { user, issued } = await issuedUnit();
    const session = await db.scanSession.create({ data: { userId: user.id, platformId, certificateId: issued.sign.id, expiresAt: new Date(Date.now() + 600_000) } });
    const created = await createScanRequest({ platformId, input: { type: "sign", digest: "ab".repeat(32), title: "补充文件", withSeal: false, sealRequired: false, sessionId: session.id, expiresIn: 120 } });
    expect(await claimSessionRequests({ userId: user.id })).toHaveLength(1);
    expect(await claimSessionRequests({ userId: user.id })).toHaveLength(1); // claimed once, delivered once
    await runDueJobs();
    expect(forRequest(created.id).map((h) => [bodyOf(h).data.status, bodyOf(h).sequence, h.status])).toEqual([["scanned", 1, 200]]);
  });

  it("a replayed delivery is dropped with a 200; a scanned delivery replayed after completed leaves the state completed", async () => {
    const r = await scannedRequest(platformId);
    await runDueJobs();
    await complete(r);
    await runDueJobs();
    const [scanned, completed] = forRequest(r.id);
    const before = await readDemoWebhook(r.id);
    expect(before).toMatchObject({ status: "completed", sequence: 2 });

    // The exact bytes and headers, well inside the 300 s the signature stays valid.
    const again = await post(completed!.headers, completed!.body);
    expect(again).toMatchObject({ status: 200, json: { outcome: "duplicate" } });
    const replay = await post(scanned!.headers, scanned!.body);
    expect(replay).toMatchObject({ status: 200, json: { outcome: "duplicate" } });
    expect(await readDemoWebhook(r.id)).toEqual(before);

    // The same older state under a delivery id the receiver has not seen (its seen-id record gone, or
    // a delivery from another path): the sequence rule drops it.
    const older = JSON.stringify({ ...bodyOf(scanned!), deliveryId: randomUUID() });
    const signed = { "content-type": "application/json", [SIGNATURE_HEADER]: signWebhook(demoClientSecret(), older) };
    expect(await post(signed, older)).toMatchObject({ status: 200, json: { outcome: "stale" } });
    // A replay of the scanned delivery after its seen-id record expired: still dropped, by sequence.
    await getFileStorage().delete(`demo/webhook-deliveries/${bodyOf(scanned!).deliveryId}.json`);
    expect(await post(scanned!.headers, scanned!.body)).toMatchObject({ status: 200, json: { outcome: "stale" } });
    expect(await readDemoWebhook(r.id)).toEqual(before);
  });

  it("the same delivery arriving many times at once is applied once", async () => {
    const r = await scannedRequest(platformId);
    forward = false; // capture CertDesk's delivery without handing it to the demo
    await runDueJobs();
    forward = true;
    const [scanned] = forRequest(r.id);
    expect(await readDemoWebhook(r.id)).toBeNull();
    const answers = await Promise.all(Array.from({ length: 12 }, () => post(scanned!.headers, scanned!.body)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const outcomes = answers.map((a) => a.json?.outcome);
    expect(outcomes.filter((o) => o === "applied")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(11);
    expect(await readDemoWebhook(r.id)).toMatchObject({ status: "scanned", sequence: 1, deliveryId: bodyOf(scanned!).deliveryId });
  });

  it("an older state racing a newer one (out of order, at once) never wins", async () => {
    const r = await scannedRequest(platformId);
    forward = false;
    await runDueJobs();
    await complete(r);
    await runDueJobs();
    forward = true;
    const [scanned, completed] = forRequest(r.id);
    // Newer first, then many copies of both at once.
    expect((await post(completed!.headers, completed!.body)).json?.outcome).toBe("applied");
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? post(scanned!.headers, scanned!.body) : post(completed!.headers, completed!.body))));
    expect(answers.every((a) => a.status === 200 && a.json?.outcome !== "applied")).toBe(true);
    expect(await readDemoWebhook(r.id)).toMatchObject({ status: "completed", sequence: 2 });
  });

  it("the signature covers the delivery id and the sequence: changing either is refused", async () => {
    const r = await scannedRequest(platformId);
    forward = false;
    await runDueJobs();
    forward = true;
    const [scanned] = forRequest(r.id);
    const d = bodyOf(scanned!);
    const otherId = randomUUID();
    const forgedId = scanned!.body.replace(d.deliveryId, otherId);
    const forgedSeq = scanned!.body.replace('"sequence":1', '"sequence":2').replace('"status":"scanned"', '"status":"completed"');
    expect(forgedId).not.toBe(scanned!.body);
    expect(forgedSeq).not.toBe(scanned!.body);
    for (const [headers, body] of [
      [{ ...scanned!.headers, [DELIVERY_HEADER]: otherId }, forgedId],
      [{ ...scanned!.headers, [SEQUENCE_HEADER]: "2" }, forgedSeq],
      // Headers alone changed (the body still verifies): refused for disagreeing with the signed body.
      [{ ...scanned!.headers, [DELIVERY_HEADER]: otherId }, scanned!.body],
      [{ ...scanned!.headers, [SEQUENCE_HEADER]: "2" }, scanned!.body],
    ] as const) {
      const res = await post(headers, body);
      expect(res.status).toBe(401);
      expect(res.json?.error?.code).toBe("unauthenticated");
    }
    expect(await readDemoWebhook(r.id)).toBeNull();
    // A stale signature over genuine bytes is refused too.
    const stale = { ...scanned!.headers, [SIGNATURE_HEADER]: signWebhook(demoClientSecret(), scanned!.body, Math.floor(Date.now() / 1000) - 301) };
    expect((await post(stale, scanned!.body)).status).toBe(401);
    // The genuine delivery still applies.
    expect((await post(scanned!.headers, scanned!.body)).json?.outcome).toBe("applied");
  });

  it("a retry is the same delivery: same id, same body; the platform applies it once", async () => {
    const r = await scannedRequest(platformId);
    failNext = 1;
    await runDueJobs();
    const job = await db.job.findFirstOrThrow({ where: { type: "scan.webhook", payload: { path: ["scanRequestId"], equals: r.id } } });
    expect(job).toMatchObject({ status: "PENDING", attempts: 1 });
    await db.job.update({ where: { id: job.id }, data: { runAt: new Date() } });
    await runDueJobs();
    const attempts = forRequest(r.id);
    expect(attempts.map((a) => a.status)).toEqual([503, 200]);
    expect(attempts[1]!.headers[DELIVERY_HEADER]).toBe(attempts[0]!.headers[DELIVERY_HEADER]);
    expect(attempts[1]!.body).toBe(attempts[0]!.body);
    expect(bodyOf(attempts[1]!).deliveryId).toBe((job.payload as { deliveryId: string }).deliveryId);
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("DONE");
    expect(await readDemoWebhook(r.id)).toMatchObject({ status: "scanned", sequence: 1 });
  });

  it("a delivery for a state the request has left is not sent; the newer state's delivery reports it", async () => {
    const r = await scannedRequest(platformId);
    failNext = 1;
    await runDueJobs(); // the scanned delivery fails and waits for its retry
    await complete(r);
    await runDueJobs(); // the completed delivery goes out
    const scannedJob = await db.job.findFirstOrThrow({ where: { type: "scan.webhook", payload: { path: ["sequence"], equals: 1 }, AND: { payload: { path: ["scanRequestId"], equals: r.id } } } });
    await db.job.update({ where: { id: scannedJob.id }, data: { runAt: new Date() } });
    await runDueJobs();
    expect((await db.job.findUniqueOrThrow({ where: { id: scannedJob.id } })).status).toBe("DONE");
    expect(forRequest(r.id).map((h) => [bodyOf(h).sequence, h.status])).toEqual([
      [1, 503],
      [2, 200],
    ]);
    expect(await readDemoWebhook(r.id)).toMatchObject({ status: "completed", sequence: 2 });
  });

  it("a job queued before deliveries had ids gets a stable id derived from the request and state", async () => {
    const r = await scannedRequest(platformId);
    forward = false;
    await runDueJobs();
    await enqueueJob(db, { type: "scan.webhook", payload: { scanRequestId: r.id } });
    await enqueueJob(db, { type: "scan.webhook", payload: { scanRequestId: r.id } });
    await runDueJobs();
    forward = true;
    const legacy = forRequest(r.id).slice(1);
    expect(legacy).toHaveLength(2);
    expect(bodyOf(legacy[0]!).deliveryId).toBe(bodyOf(legacy[1]!).deliveryId);
    expect(bodyOf(legacy[0]!)).toMatchObject({ sequence: 1, data: { status: "scanned" } });
  });

  it("the webhook route takes JSON from servers (no Origin check); the demo's browser routes stay same-origin", async () => {
    const body = JSON.stringify({ hello: "world" });
    const foreign = { origin: "http://evil.example", "sec-fetch-site": "cross-site" };
    const hook = await demoWebhookRoute(new Request("http://localhost:3000/demo/tender/api/webhook", { method: "POST", headers: { ...foreign, "content-type": "application/json", [SIGNATURE_HEADER]: signWebhook(demoClientSecret(), body) }, body }), { params: Promise.resolve({}) });
    expect(hook.status).toBe(401); // reached the signature check: the foreign origin is not what refused it
    const plain = await demoWebhookRoute(new Request("http://localhost:3000/demo/tender/api/webhook", { method: "POST", headers: { "content-type": "text/plain" }, body }), { params: Promise.resolve({}) });
    expect(plain.status).toBe(415);

    const logout = await demoLogoutRoute(new Request("http://localhost:3000/demo/tender/api/logout", { method: "POST", headers: foreign }), { params: Promise.resolve({}) });
    expect(logout.status).toBe(403);
    const step = await demoStepRoute(new Request("http://localhost:3000/demo/tender/api/steps/login", { method: "POST", headers: foreign }), { params: Promise.resolve({ step: "login" }) });
    expect(step.status).toBe(403);
    const textUpload = await demoStepRoute(new Request("http://localhost:3000/demo/tender/api/steps/sign", { method: "POST", headers: { "content-type": "text/plain" }, body: "%PDF-1.4" }), { params: Promise.resolve({ step: "sign" }) });
    expect(textUpload.status).toBe(415);
    const huge = await demoStepRoute(
      new Request("http://localhost:3000/demo/tender/api/steps/sign", { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(11 * 1024 * 1024) }, body: "x" }),
      { params: Promise.resolve({ step: "sign" }) },
    );
    expect(huge.status).toBe(413);
  });
});
