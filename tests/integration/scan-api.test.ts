import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/v1/scan-requests/route";
import { GET as getRoute } from "@/app/api/v1/scan-requests/[id]/route";
import { db } from "@/lib/db/client";
import { runDueJobs } from "@/lib/server/jobs/run-jobs";
import { openScanRequest } from "@/lib/server/scan/open-scan-request";
import { completeScanRequest } from "@/lib/server/scan/complete-scan-request";
import { rejectScanRequest } from "@/lib/server/scan/reject-scan-request";
import { verifyWebhook, SIGNATURE_HEADER } from "@/lib/platform/webhook-signature";
import { ensureCaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { verify } from "@/lib/pki/sm2";
import { sm3 } from "@/lib/pki/sm3";
import { bytesToHex } from "@/lib/pki/encoding";
import { signCmsDetached } from "@/lib/pki/cms/sign-cms-detached";
import { verifyCmsDetached } from "@/lib/pki/verify/verify-cms-detached";
import { pemToDer } from "@/lib/pki/pem";
import { createPlatform } from "../support/platform-fixtures";
import { createUser } from "../support/factories";
import { expectAppError } from "../support/expect-app-error";
import { issuedUnit, phoneSigner } from "./certs-support";

async function api(route: (req: Request, ctx: { params: Promise<never> }) => Promise<Response>, { method = "GET", auth, body, params = {} }: { method?: string; auth?: string; body?: unknown; params?: object }) {
  const req = new Request("http://desk.test/api/v1/x", {
    method,
    headers: { ...(auth ? { authorization: auth } : {}), "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const res = await route(req, { params: Promise.resolve(params as never) });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

const tokenOf = (qrContent: string) => qrContent.split("/m/s/")[1]!;

describe("platform API: scan requests", () => {
  const webhooks: Array<{ body: string; signature: string | undefined }> = [];
  let webhookUrl = "";
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      webhooks.push({ body, signature: req.headers[SIGNATURE_HEADER] as string | undefined });
      res.end("ok");
    });
  });
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    await ensureCaHierarchy();
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("refuses a missing or wrong client secret with a stable code", async () => {
    const { clientId } = await createPlatform();
    const none = await api(createRoute, { method: "POST", body: { type: "sync_subject" } });
    expect(none.status).toBe(401);
    expect(none.json.error.code).toBe("unauthenticated");
    const wrong = await api(createRoute, { method: "POST", auth: `Basic ${Buffer.from(`${clientId}:nope`).toString("base64")}`, body: { type: "sync_subject" } });
    expect(wrong.status).toBe(401);
  });

  it("validates the body and names the bad fields", async () => {
    const { authorization } = await createPlatform();
    const bad = await api(createRoute, { method: "POST", auth: authorization, body: { type: "sign", digest: "xyz", title: "" } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.code).toBe("validation_failed");
    expect(Object.keys(bad.json.error.fields)).toEqual(expect.arrayContaining(["digest", "title"]));
    const unknownType = await api(createRoute, { method: "POST", auth: authorization, body: { type: "pay" } });
    expect(unknownType.status).toBe(422);
  });

  it("creates a request with a QR and an expiry, visible only to its platform", async () => {
    const a = await createPlatform();
    const b = await createPlatform();
    const created = await api(createRoute, { method: "POST", auth: a.authorization, body: { type: "login", challenge: "nonce-0123456789abcdef", expiresIn: 120 } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ type: "login", status: "pending", result: null });
    expect(created.json.qrContent).toMatch(/\/m\/s\/[A-Za-z0-9_-]{24}$/);
    const ttl = new Date(created.json.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(110_000);
    expect(ttl).toBeLessThanOrEqual(120_000);
    expect((await api(getRoute, { auth: a.authorization, params: { id: created.json.id } })).json.status).toBe("pending");
    const foreign = await api(getRoute, { auth: b.authorization, params: { id: created.json.id } });
    expect(foreign.status).toBe(404);
    expect(foreign.json.error.code).toBe("not_found");
  });

  it("login: the phone signs the challenge with the split key; the platform verifies it; a replay is refused", async () => {
    const { authorization } = await createPlatform({ webhookUrl });
    const { user, sign, issued } = await issuedUnit();
    const challenge = `login-${Date.now()}-abcdefgh`;
    const created = (await api(createRoute, { method: "POST", auth: authorization, body: { type: "login", challenge } })).json;

    const seen = await openScanRequest({ userId: user.id, token: tokenOf(created.qrContent) });
    expect(seen.type).toBe("login");
    expect(seen.certificates.map((c) => c.id)).toEqual([issued.sign.id]);
    expect((await api(getRoute, { auth: authorization, params: { id: created.id } })).json.status).toBe("scanned");

    // Another user cannot take over a scanned request.
    const other = await createUser();
    await expectAppError(openScanRequest({ userId: other.id, token: tokenOf(created.qrContent) }), "conflict");

    const signature = await phoneSigner(user.id, sign).sign(new TextEncoder().encode(challenge));
    await completeScanRequest({ userId: user.id, id: created.id, certificateId: issued.sign.id, result: { signature: Buffer.from(signature).toString("base64") } });
    await expectAppError(completeScanRequest({ userId: user.id, id: created.id, certificateId: issued.sign.id, result: { signature: Buffer.from(signature).toString("base64") } }), "conflict");

    const done = (await api(getRoute, { auth: authorization, params: { id: created.id } })).json;
    expect(done.status).toBe("completed");
    const certDer = pemToDer(done.result.certificate);
    const { certificatePublicKey, toCertificate } = await import("@/lib/pki/x509/certificate-input");
    expect(verify(Buffer.from(done.result.signature, "base64"), new TextEncoder().encode(challenge), certificatePublicKey(toCertificate(certDer)))).toBe(true);

    await runDueJobs();
    const hook = webhooks.find((w) => JSON.parse(w.body).data.id === created.id)!;
    const secret = (await import("../support/platform-secret")).platformSecretFor;
    expect(hook).toBeTruthy();
    expect(verifyWebhook(await secret(authorization), hook.body, hook.signature ?? null)).toBe(true);
    expect(verifyWebhook(await secret(authorization), hook.body.replace("completed", "rejected"), hook.signature ?? null)).toBe(false);
  });

  it("login: a signature by another key is refused and the request stays open", async () => {
    const { authorization } = await createPlatform();
    const { user, issued } = await issuedUnit();
    const other = await issuedUnit();
    const challenge = `login-${Date.now()}-zzzzzzzz`;
    const created = (await api(createRoute, { method: "POST", auth: authorization, body: { type: "login", challenge } })).json;
    await openScanRequest({ userId: user.id, token: tokenOf(created.qrContent) });
    const forged = await phoneSigner(other.user.id, other.sign).sign(new TextEncoder().encode(challenge));
    await expectAppError(completeScanRequest({ userId: user.id, id: created.id, certificateId: issued.sign.id, result: { signature: Buffer.from(forged).toString("base64") } }), "validation_failed");
    expect((await api(getRoute, { auth: authorization, params: { id: created.id } })).json.status).toBe("scanned");
  });

  it("sign: a detached CMS over the platform's SM3 digest by the split key", async () => {
    const { authorization } = await createPlatform();
    const { user, sign, issued } = await issuedUnit();
    const document = new TextEncoder().encode("投标文件 第一册 商务标");
    const digest = bytesToHex(sm3(document));
    const created = (await api(createRoute, { method: "POST", auth: authorization, body: { type: "sign", digest, title: "商务标签章" } })).json;
    await openScanRequest({ userId: user.id, token: tokenOf(created.qrContent) });
    const { der } = await signCmsDetached({ digest: sm3(document), signer: { certificate: issued.sign.der, signer: phoneSigner(user.id, sign) } });
    await completeScanRequest({ userId: user.id, id: created.id, certificateId: issued.sign.id, result: { cms: Buffer.from(der).toString("base64") } });
    const done = (await api(getRoute, { auth: authorization, params: { id: created.id } })).json;
    const ca = await db.certificateAuthority.findFirstOrThrow({ where: { id: issued.sign.caId } });
    const check = await verifyCmsDetached({ p7s: Buffer.from(done.result.cms, "base64"), data: document, trustedRoots: [ca.certDer] });
    expect(check.valid).toBe(true);
    const tampered = await verifyCmsDetached({ p7s: Buffer.from(done.result.cms, "base64"), data: new TextEncoder().encode("投标文件 改"), trustedRoots: [ca.certDer] });
    expect(tampered.valid).toBe(false);
  });

  it("a declined request is final; an expired one cannot be opened", async () => {
    const { authorization } = await createPlatform();
    const { user } = await issuedUnit();
    const a = (await api(createRoute, { method: "POST", auth: authorization, body: { type: "sync_subject" } })).json;
    await openScanRequest({ userId: user.id, token: tokenOf(a.qrContent) });
    await rejectScanRequest({ userId: user.id, id: a.id });
    expect((await api(getRoute, { auth: authorization, params: { id: a.id } })).json.status).toBe("rejected");
    await expectAppError(openScanRequest({ userId: user.id, token: tokenOf(a.qrContent) }), "conflict");

    const b = (await api(createRoute, { method: "POST", auth: authorization, body: { type: "sync_subject", expiresIn: 30 } })).json;
    await db.scanRequest.update({ where: { id: b.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await api(getRoute, { auth: authorization, params: { id: b.id } })).json.status).toBe("expired");
    await expectAppError(openScanRequest({ userId: user.id, token: tokenOf(b.qrContent) }), "gone");
    await expectAppError(openScanRequest({ userId: user.id, token: "not-a-real-token-000000" }), "not_found");
  });
});
