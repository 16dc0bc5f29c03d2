import { describe, expect, it } from "vitest";
import { GET as openapiRoute } from "@/app/api/v1/openapi.json/route";
import { GET as getRoute } from "@/app/api/v1/scan-requests/[id]/route";
import { POST as createRoute } from "@/app/api/v1/scan-requests/route";
import { GET as caIndexRoute } from "@/app/(pki)/pki/ca/route";
import { ensureCaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { openApiDocument } from "@/lib/server/scan/openapi-document";
import { createPlatform } from "../support/platform-fixtures";
import { expectDocumented, expectSchema } from "../support/openapi-contract";

// The contract check itself (tests/support/openapi-contract.ts, used by the platform API tests): the
// document compiles as JSON Schema with every reference resolved, answers outside the document fail,
// and the answers not covered elsewhere (the document, errors, the PKI index) match it.

type Handler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;
const call = async (route: Handler, { method = "GET", auth, body, params = {} }: { method?: string; auth?: string; body?: unknown; params?: object } = {}) => {
  const res = await route(new Request("http://desk.test/x", { method, headers: { ...(auth ? { authorization: auth } : {}), "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) }), { params: Promise.resolve(params as never) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

describe("API contract", () => {
  it("every component schema compiles and every reference resolves", () => {
    const doc = openApiDocument();
    for (const name of Object.keys(doc.components.schemas)) expect(() => expectSchema(name, Symbol("probe"))).toThrow(/matches the document/);
  });

  it("a body that breaks the document fails the check (so passing means something)", async () => {
    const { authorization } = await createPlatform();
    const created = await call(createRoute, { method: "POST", auth: authorization, body: { type: "sync_subject" } });
    expectDocumented("POST", "/scan-requests", 201, created.json);
    const { qrContent: _dropped, ...withoutQr } = created.json;
    expect(() => expectDocumented("POST", "/scan-requests", 201, withoutQr)).toThrow(/matches the document/);
    expect(() => expectDocumented("POST", "/scan-requests", 201, { ...created.json, status: "done" })).toThrow(/matches the document/);
    expect(() => expectDocumented("POST", "/scan-requests", 201, { ...created.json, status: "completed", result: { certificate: "x" } })).toThrow(/matches the document/);
    expect(() => expectDocumented("POST", "/scan-requests", 418, created.json)).toThrow(/documents status 418/);
    expect(() => expectSchema("WebhookDelivery", { deliveryId: "x", sequence: 1, occurredAt: "t", event: "scan_request.updated" })).toThrow(/matches the document/);
  });

  it("errors (401, 404, 422, 415) and the document itself match it", async () => {
    const { authorization } = await createPlatform();
    const unauthenticated = await call(getRoute, { params: { id: "x" } });
    expectDocumented("GET", "/scan-requests/{id}", unauthenticated.status, unauthenticated.json);
    const missing = await call(getRoute, { auth: authorization, params: { id: "clnosuchrequest000000000" } });
    expect(missing.status).toBe(404);
    expectDocumented("GET", "/scan-requests/{id}", 404, missing.json);
    const invalid = await call(createRoute, { method: "POST", auth: authorization, body: { type: "login", challenge: "short" } });
    expect(invalid.status).toBe(422);
    expectDocumented("POST", "/scan-requests", 422, invalid.json);
    const doc = await call(openapiRoute as Handler);
    expect(doc.json).toMatchObject({ openapi: "3.1.0", info: { version: "1.1.0" } });
  });

  it("GET /pki/ca matches PkiCa", async () => {
    await ensureCaHierarchy();
    const res = await call(caIndexRoute as Handler);
    expect(res.status).toBe(200);
    expectDocumented("GET", "/pki/ca", 200, res.json);
    expect((res.json.cas as unknown[]).length).toBeGreaterThan(0);
  });
});
