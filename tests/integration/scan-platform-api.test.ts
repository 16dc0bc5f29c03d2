import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/v1/scan-requests/route";
import { GET as getRoute } from "@/app/api/v1/scan-requests/[id]/route";
import { GET as eventsRoute } from "@/app/api/v1/scan-requests/[id]/events/route";
import { GET as getWebhookRoute, PUT as putWebhookRoute } from "@/app/api/v1/platform/webhook/route";
import { GET as certificateRoute } from "@/app/api/v1/certificates/[serial]/route";
import { revokeCertificate } from "@/lib/server/certs/revoke-certificate";
import { db } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { runDueJobs } from "@/lib/server/jobs/run-jobs";
import { ensureCaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { openScanRequest } from "@/lib/server/scan/open-scan-request";
import { completeScanRequest } from "@/lib/server/scan/complete-scan-request";
import { expireScanRequest } from "@/lib/server/scan/expire-scan-request";
import { expireDueScanRequests } from "@/lib/server/scan/expire-due-scan-requests";
import { updatePlatform } from "@/lib/server/platforms/update-platform";
import type { WebhookDelivery } from "@/lib/platform/webhook-delivery";
import { createPlatform } from "../support/platform-fixtures";
import { createUser } from "../support/factories";
import { expectAppError } from "../support/expect-app-error";
import { expectDocumented, expectSchema } from "../support/openapi-contract";
import { issuedUnit } from "./certs-support";

// What a platform client relies on beyond the basic flows (issue 16): expiry reported by webhook,
// signing sessions that are errors when unusable, field texts in its language, an event stream
// that never skips a state and resumes, and its webhook URL managed through the API.

type Handler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;

async function call(route: Handler, { method = "GET", auth, body, params = {}, headers = {} }: { method?: string; auth: string; body?: unknown; params?: object; headers?: Record<string, string> }) {
  const req = new Request("http://desk.test/api/v1/x", {
    method,
    headers: { authorization: auth, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return route(req, { params: Promise.resolve(params as never) });
}

// Contract: every JSON answer these tests get is checked against /api/v1/openapi.json.
const DOCUMENTED = new Map<Handler, string>([
  [createRoute as Handler, "/scan-requests"],
  [getRoute as Handler, "/scan-requests/{id}"],
  [getWebhookRoute as Handler, "/platform/webhook"],
  [putWebhookRoute as Handler, "/platform/webhook"],
  [certificateRoute as Handler, "/certificates/{serial}"],
]);

async function api(route: Handler, opts: Parameters<typeof call>[1]) {
  const res = await call(route, opts);
  const json = (await res.json()) as Record<string, any>;
  expectDocumented(opts.method ?? "GET", DOCUMENTED.get(route)!, res.status, json);
  return { status: res.status, json };
}

/** The events of a stream that ends by itself (at a final state): [id, event, data] each. */
function parseEvents(text: string) {
  return text
    .split("\n\n")
    .filter((block) => block.includes("data: "))
    .map((block) => {
      const line = (name: string) => block.split("\n").find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
      const data = JSON.parse(line("data")!) as { status: string; result: unknown; scannedAt: string | null };
      expectSchema("ScanRequest", data);
      return { id: line("id"), event: line("event"), data };
    });
}

const tokenOf = (qrContent: string) => qrContent.split("/m/s/")[1]!;

const hooks: WebhookDelivery[] = [];
const receiver = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    const delivery = JSON.parse(body) as WebhookDelivery;
    expectSchema("WebhookDelivery", delivery);
    hooks.push(delivery);
    res.end("ok");
  });
});
let hookUrl = "";
const hooksFor = (id: string) => hooks.filter((h) => h.data.id === id).map((h) => [h.data.status, h.sequence]);

/** Moves a request's expiry into the past, as the clock reaching it would (the worker's sweep then finds it). */
async function reachExpiry(id: string) {
  await db.scanRequest.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
}

describe("platform API as an integrator relies on it", () => {
  beforeAll(async () => {
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    await ensureCaHierarchy();
  });
  afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

  it("expiry: a request nobody finished ends expired and its webhook says so (scanned 1, expired 2), once", async () => {
    const { authorization } = await createPlatform({ webhookUrl: hookUrl });
    const { user, issued } = await issuedUnit();
    const scanned = (await api(createRoute, { method: "POST", auth: authorization, body: { type: "sync_subject", expiresIn: 30 } })).json;
    const pending = (await api(createRoute, { method: "POST", auth: authorization, body: { type: "sync_subject", expiresIn: 30 } })).json;
    await openScanRequest({ userId: user.id, token: tokenOf(scanned.qrContent) });
    await runDueJobs();
    await reachExpiry(scanned.id);
    await reachExpiry(pending.id);
    await runDueJobs(); // the sweep expires both, then delivers the webhooks it queued

    expect(hooksFor(scanned.id)).toEqual([
      ["scanned", 1],
      ["expired", 2],
    ]);
    expect(hooksFor(pending.id)).toEqual([["expired", 2]]);
    const expired = hooks.find((h) => h.data.id === scanned.id && h.sequence === 2)!;
    expect(expired.occurredAt).toBe((await db.scanRequest.findUniqueOrThrow({ where: { id: scanned.id } })).expiresAt.toISOString());
    expect((await db.scanRequest.findUniqueOrThrow({ where: { id: scanned.id } })).status).toBe("EXPIRED");
    expect((await api(getRoute, { auth: authorization, params: { id: scanned.id } })).json).toMatchObject({ status: "expired", result: null });
    // The phone finishing late is told the QR expired (410), not that it was used.
    await expectAppError(completeScanRequest({ userId: user.id, id: scanned.id, certificateId: issued.sign.id, result: {} }), "gone");

    // Many sweeps at once (every instance's worker): one transition, one delivery.
    const again = (await api(createRoute, { method: "POST", auth: authorization, body: { type: "sync_subject", expiresIn: 30 } })).json;
    await reachExpiry(again.id);
    const counts = await Promise.all(Array.from({ length: 20 }, () => expireDueScanRequests()));
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect((await db.scanRequest.findUniqueOrThrow({ where: { id: again.id } })).status).toBe("EXPIRED");
    expect(await db.job.count({ where: { type: "scan.webhook", payload: { path: ["scanRequestId"], equals: again.id } } })).toBe(1);
    // A scan.expire job queued before the sweep existed (and retried, by two workers) still expires once.
    const legacy = (await api(createRoute, { method: "POST", auth: authorization, body: { type: "sync_subject", expiresIn: 30 } })).json;
    await reachExpiry(legacy.id);
    await Promise.all(Array.from({ length: 20 }, () => expireScanRequest({ scanRequestId: legacy.id })));
    await expireDueScanRequests();
    expect(await db.job.count({ where: { type: "scan.webhook", payload: { path: ["scanRequestId"], equals: legacy.id } } })).toBe(1);

    // A request that completed first is left alone by its expiry job.
    const done = (await api(createRoute, { method: "POST", auth: authorization, body: { type: "sync_subject", expiresIn: 30 } })).json;
    await openScanRequest({ userId: user.id, token: tokenOf(done.qrContent) });
    await completeScanRequest({ userId: user.id, id: done.id, certificateId: issued.sign.id, result: {} });
    await reachExpiry(done.id);
    await runDueJobs();
    await runDueJobs();
    expect((await db.scanRequest.findUniqueOrThrow({ where: { id: done.id } })).status).toBe("COMPLETED");
    // (Its scanned state was left before that delivery went out, so only completed is sent.)
    expect(hooksFor(done.id)).toEqual([["completed", 2]]);
    // Creating a request queues no job of its own (the expiry is the sweep's).
    expect(await db.job.count({ where: { type: "scan.expire", payload: { path: ["scanRequestId"], equals: done.id } } })).toBe(0);
  });

  it("GET returns the QR (qrContent) while the request waits for its scan, and not after; the token is sealed at rest", async () => {
    const { authorization } = await createPlatform();
    const { user } = await issuedUnit();
    const created = (await api(createRoute, { method: "POST", auth: authorization, body: { type: "sync_subject", expiresIn: 60 } })).json;
    const again = (await api(getRoute, { auth: authorization, params: { id: created.id } })).json;
    expect(again).toMatchObject({ status: "pending", qrContent: created.qrContent });
    const row = await db.scanRequest.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenSealed).not.toContain(tokenOf(created.qrContent));
    await openScanRequest({ userId: user.id, token: tokenOf(created.qrContent) });
    expect((await api(getRoute, { auth: authorization, params: { id: created.id } })).json).toMatchObject({ status: "scanned", qrContent: null });
    expect((await db.scanRequest.findUniqueOrThrow({ where: { id: created.id } })).tokenSealed).toBeNull();
    // Past its expiry the QR is not offered either (and the expiry job drops the sealed token).
    const late = (await api(createRoute, { method: "POST", auth: authorization, body: { type: "sync_subject", expiresIn: 30 } })).json;
    await reachExpiry(late.id);
    expect((await api(getRoute, { auth: authorization, params: { id: late.id } })).json).toMatchObject({ status: "expired", qrContent: null });
    await expireScanRequest({ scanRequestId: late.id });
    expect((await db.scanRequest.findUniqueOrThrow({ where: { id: late.id } })).tokenSealed).toBeNull();
  });

  it("a sign request naming an unusable session is an error: unknown or another platform's 422, ended or expired 410", async () => {
    const a = await createPlatform();
    const b = await createPlatform();
    const { user, issued } = await issuedUnit();
    const open = await db.scanSession.create({ data: { userId: user.id, platformId: a.platform.id, certificateId: issued.sign.id, expiresAt: new Date(Date.now() + 600_000) } });
    const ended = await db.scanSession.create({ data: { userId: user.id, platformId: a.platform.id, certificateId: issued.sign.id, expiresAt: new Date(Date.now() + 600_000), endedAt: new Date() } });
    const lapsed = await db.scanSession.create({ data: { userId: user.id, platformId: a.platform.id, certificateId: issued.sign.id, expiresAt: new Date(Date.now() - 1000) } });
    const sign = (sessionId: string) => ({ type: "sign", digest: "ab".repeat(32), title: "技术标", sessionId });

    const ok = await api(createRoute, { method: "POST", auth: a.authorization, body: sign(open.id) });
    expect(ok.status).toBe(201);
    expect(ok.json.qrContent).toContain("/m/s/");
    for (const [auth, id] of [
      [a.authorization, "clnosuchsession0000000000"],
      [b.authorization, open.id],
    ] as const) {
      const refused = await api(createRoute, { method: "POST", auth, body: sign(id), headers: { "accept-language": "en" } });
      expect(refused.status).toBe(422);
      expect(refused.json.error).toMatchObject({ code: "validation_failed", fields: { sessionId: ["No such signing session (unknown sessionId, or not this platform's)"] } });
    }
    for (const id of [ended.id, lapsed.id]) {
      const gone = await api(createRoute, { method: "POST", auth: a.authorization, body: sign(id) });
      expect(gone.status).toBe(410);
      expect(gone.json.error.code).toBe("gone");
      expect(gone.json.error.fields.sessionId[0]).toContain("签章会话已结束");
    }
    expect(await db.scanRequest.count({ where: { platformId: b.platform.id } })).toBe(0);
  });

  it("field texts follow Accept-Language (zod's own texts too); zh-CN by default", async () => {
    const { authorization } = await createPlatform();
    const bad = { type: "login", challenge: "with space inside it!", expiresIn: 5 };
    const zh = await api(createRoute, { method: "POST", auth: authorization, body: bad });
    const en = await api(createRoute, { method: "POST", auth: authorization, body: bad, headers: { "accept-language": "en-US,en;q=0.9" } });
    expect(zh.status).toBe(422);
    expect(zh.json.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.json.error.fields.challenge).toEqual(["须为不含空格的可打印 ASCII 字符"]);
    expect(zh.json.error.fields.expiresIn[0]).toMatch(/[\u4e00-\u9fff]/);
    expect(en.json.error.fields.challenge).toEqual(["Printable ASCII without spaces"]);
    expect(en.json.error.fields.expiresIn[0]).toMatch(/^Too small/);
    const wrongType = await api(createRoute, { method: "POST", auth: authorization, body: { type: "sign", digest: 5, title: "x" } });
    expect(wrongType.json.error.fields.digest[0]).toMatch(/[\u4e00-\u9fff]/);
  });

  it("events: every state is an event with id: <sequence>, none skipped; Last-Event-ID resumes after it", async () => {
    const { authorization } = await createPlatform();
    const { user, issued } = await issuedUnit();
    const created = (await api(createRoute, { method: "POST", auth: authorization, body: { type: "sync_subject", expiresIn: 60 } })).json;

    // A live stream: pending first; then scanned and completed happen at once, between two reads.
    const live = await call(eventsRoute, { auth: authorization, params: { id: created.id } });
    expect(live.headers.get("content-type")).toContain("text/event-stream");
    const reader = live.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(parseEvents(first).map((e) => [e.id, e.data.status])).toEqual([["0", "pending"]]);
    await openScanRequest({ userId: user.id, token: tokenOf(created.qrContent) });
    await completeScanRequest({ userId: user.id, id: created.id, certificateId: issued.sign.id, result: {} });
    let rest = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      rest += new TextDecoder().decode(value);
    }
    const events = parseEvents(rest);
    expect(events.map((e) => [e.id, e.event, e.data.status])).toEqual([
      ["1", "status", "scanned"],
      ["2", "status", "completed"],
    ]);
    expect(events[0]!.data.result).toBeNull(); // the scanned state as it was: no result yet
    expect(events[0]!.data.scannedAt).not.toBeNull();
    expect(events[1]!.data.result).toMatchObject({ serial: issued.sign.serialHex });

    // Opened after the end: the whole history, then the stream closes.
    const all = parseEvents(await (await call(eventsRoute, { auth: authorization, params: { id: created.id } })).text());
    expect(all.map((e) => [e.id, e.data.status])).toEqual([
      ["0", "pending"],
      ["1", "scanned"],
      ["2", "completed"],
    ]);
    // Reconnecting with Last-Event-ID: only what came after it.
    const resumed = parseEvents(await (await call(eventsRoute, { auth: authorization, params: { id: created.id }, headers: { "last-event-id": "1" } })).text());
    expect(resumed.map((e) => [e.id, e.data.status])).toEqual([["2", "completed"]]);
    const nothing = parseEvents(await (await call(eventsRoute, { auth: authorization, params: { id: created.id }, headers: { "last-event-id": "2" } })).text());
    expect(nothing).toEqual([]);
  });

  it("webhook URL through the API: GET shows it, PUT sets it on a callback URL's origin (https outside demo mode) or removes it", async () => {
    const { platform, authorization } = await createPlatform();
    await db.tradingPlatform.update({ where: { id: platform.id }, data: { callbackUrls: ["https://tender.example/sso/callback", "http://127.0.0.1:8123/login"] } });
    expect((await api(getWebhookRoute, { auth: authorization })).json).toEqual({ code: platform.code, webhookUrl: null, callbackUrls: ["https://tender.example/sso/callback", "http://127.0.0.1:8123/login"] });

    const set = await api(putWebhookRoute, { method: "PUT", auth: authorization, body: { webhookUrl: "https://tender.example/api/certdesk-hook" } });
    expect(set).toMatchObject({ status: 200, json: { webhookUrl: "https://tender.example/api/certdesk-hook" } });
    expect((await db.tradingPlatform.findUniqueOrThrow({ where: { id: platform.id } })).webhookUrl).toBe("https://tender.example/api/certdesk-hook");
    const audit = await db.auditLog.findFirst({ where: { action: "platform.updated", targetId: platform.id }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorId: null, data: expect.objectContaining({ webhookUrl: "https://tender.example/api/certdesk-hook" }) });

    for (const url of ["https://evil.example/hook", "https://tender.example:8443/hook", "https://user:pw@tender.example/hook"]) {
      const refused = await api(putWebhookRoute, { method: "PUT", auth: authorization, body: { webhookUrl: url }, headers: { "accept-language": "en" } });
      expect(refused.status).toBe(422);
      expect(refused.json.error.fields.webhookUrl).toEqual(["The webhook URL must be one of the platform's registered callback URLs"]);
    }
    // http on a registered origin: allowed in demo mode (this test run), refused outside it.
    expect((await api(putWebhookRoute, { method: "PUT", auth: authorization, body: { webhookUrl: "http://127.0.0.1:8123/hook" } })).status).toBe(200);
    const before = process.env.CERTDESK_DEMO;
    process.env.CERTDESK_DEMO = "0";
    resetEnvCache();
    try {
      const http = await api(putWebhookRoute, { method: "PUT", auth: authorization, body: { webhookUrl: "http://127.0.0.1:8123/hook" }, headers: { "accept-language": "en" } });
      expect(http.status).toBe(422);
      expect(http.json.error.fields.webhookUrl).toEqual(["The webhook URL must use https (except in demo mode)"]);
    } finally {
      if (before === undefined) delete process.env.CERTDESK_DEMO;
      else process.env.CERTDESK_DEMO = before;
      resetEnvCache();
    }
    expect((await api(putWebhookRoute, { method: "PUT", auth: authorization, body: { webhookUrl: null } })).json.webhookUrl).toBeNull();
    expect((await api(putWebhookRoute, { method: "PUT", auth: authorization, body: {} })).status).toBe(422);

    // The console refuses the same URLs.
    const admin = await createUser({ role: "CA_ADMIN" });
    const fields = { platformId: platform.id, name: platform.name, callbackUrls: "https://tender.example/sso/callback" };
    await expectAppError(updatePlatform({ user: admin, input: { ...fields, webhookUrl: "https://evil.example/hook" } }), "validation_failed");
    await updatePlatform({ user: admin, input: { ...fields, webhookUrl: "https://tender.example/hook" } });
  });

  it("certificate status and chain by serial (JSON): only for a certificate this platform was handed; revocation shows at once", async () => {
    const { authorization } = await createPlatform();
    const other = await createPlatform();
    const { user, issued } = await issuedUnit();
    const serial = issued.sign.serialHex;
    // Not yet used with this platform: as unknown.
    expect((await api(certificateRoute, { auth: authorization, params: { serial } })).status).toBe(404);
    const created = (await api(createRoute, { method: "POST", auth: authorization, body: { type: "sync_subject", expiresIn: 60 } })).json;
    await openScanRequest({ userId: user.id, token: tokenOf(created.qrContent) });
    await completeScanRequest({ userId: user.id, id: created.id, certificateId: issued.sign.id, result: {} });
    const valid = await api(certificateRoute, { auth: authorization, params: { serial: serial.toUpperCase() } });
    expect(valid.status).toBe(200);
    expect(valid.json).toMatchObject({ serial, usage: "sign", status: "valid", revokedAt: null, revocationReason: null });
    expect(valid.json.chain).toHaveLength(2);
    const ca = await db.certificateAuthority.findUniqueOrThrow({ where: { id: issued.sign.caId } });
    expect(valid.json.chain[0]).toContain(Buffer.from(ca.certDer).toString("base64").slice(0, 60));
    // Another platform never met it.
    expect((await api(certificateRoute, { auth: other.authorization, params: { serial } })).status).toBe(404);
    expect((await api(certificateRoute, { auth: authorization, params: { serial: "not-hex" } })).status).toBe(422);
    await revokeCertificate({ certificateId: issued.sign.id, reason: "keyCompromise", actorId: null });
    const revoked = (await api(certificateRoute, { auth: authorization, params: { serial } })).json;
    expect(revoked).toMatchObject({ status: "revoked", revocationReason: "keyCompromise" });
    expect(revoked.revokedAt).not.toBeNull();
  });

  it("a PUT racing a console change of the callback URLs never leaves a webhook outside them", async () => {
    const { platform, authorization } = await createPlatform();
    const admin = await createUser({ role: "CA_ADMIN" });
    await db.tradingPlatform.update({ where: { id: platform.id }, data: { callbackUrls: ["https://old.example/cb"] } });
    const puts = Array.from({ length: 12 }, () => api(putWebhookRoute, { method: "PUT", auth: authorization, body: { webhookUrl: "https://old.example/hook" } }));
    const edits = Array.from({ length: 4 }, () => updatePlatform({ user: admin, input: { platformId: platform.id, name: platform.name, callbackUrls: "https://new.example/cb", webhookUrl: "" } }));
    const answers = await Promise.all(puts);
    await Promise.all(edits);
    expect(answers.every((a) => [200, 409, 422].includes(a.status))).toBe(true);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.json.error.code).toBe("conflict");
    const row = await db.tradingPlatform.findUniqueOrThrow({ where: { id: platform.id } });
    expect(row.callbackUrls).toEqual(["https://new.example/cb"]);
    expect(row.webhookUrl === null || new URL(row.webhookUrl).origin === "https://new.example").toBe(true);
  });
});
