import { describe, expect, it } from "vitest";
import { NextResponse } from "next/server";
import { GET as openapiRoute } from "@/app/api/v1/openapi.json/route";
import { GET as getRoute } from "@/app/api/v1/scan-requests/[id]/route";
import { POST as createRoute } from "@/app/api/v1/scan-requests/route";
import { GET as caIndexRoute } from "@/app/(pki)/pki/ca/route";
import { ensureCaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { openApiDocument, platformApiPaths } from "@/lib/server/scan/openapi-document";
import type { RouteSchemas } from "@/lib/server/http/guarded-route";
import { createPlatform } from "../support/platform-fixtures";
import { contractViolation, expectDocumented, expectSchema } from "../support/openapi-contract";
import { contractTemplate } from "../support/contract-plugin";
import { routeTable } from "../support/route-table";

// The contract check itself (tests/support/openapi-contract.ts; every platform-API route module is
// wrapped with it in this project, tests/support/contract-plugin.ts): the document compiles as JSON
// Schema with every reference resolved, answers outside the document fail, every route uses the very
// zod schemas the document is generated from, and the answers not covered elsewhere match it.

type Handler = ((req: Request, ctx: { params: Promise<never> }) => Promise<Response>) & { schemas?: RouteSchemas };
const call = async (route: Handler, { method = "GET", auth, body, params = {} }: { method?: string; auth?: string; body?: unknown; params?: object } = {}) => {
  const res = await route(new Request("http://desk.test/x", { method, headers: { ...(auth ? { authorization: auth } : {}), "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) }), { params: Promise.resolve(params as never) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

type ZodOp = {
  requestBody?: { content: Record<string, { schema?: unknown }> };
  requestParams?: { query?: unknown };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};

const routes = routeTable().filter((r) => contractTemplate(r.file) && contractTemplate(r.file) !== "*");

describe("API contract", () => {
  it("every component schema compiles and every reference resolves", () => {
    const doc = openApiDocument();
    const names = Object.keys(doc.components!.schemas!);
    expect(names).toEqual(expect.arrayContaining(["ScanRequest", "LoginResult", "SignResult", "DecryptResult", "SyncSubjectResult", "Error", "WebhookDelivery", "CertificateStatus", "CertificateAuthorization", "Organization", "ScanRequestList"]));
    for (const name of names) expect(() => expectSchema(name, Symbol("probe"))).toThrow(/matches the document/);
  });

  it("the document's paths are the routes: every route file under /api/v1 and /pki is documented, and every documented path has its route", () => {
    const documented = Object.keys(openApiDocument().paths!).sort();
    expect(routes.map((r) => contractTemplate(r.file)).sort()).toEqual(documented);
  });

  it("every platform-API handler, and every method it answers 405 to, is loaded wrapped by the check", async () => {
    for (const route of [...routes, { file: "app/api/[...path]/route.ts" }]) {
      const mod = (await import(`@/${route.file}`)) as Record<string, unknown>;
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        if (mod[method] === undefined && route.file.startsWith("app/(pki)")) continue; // Next answers 405 outside /api
        expect((mod[method] as { contractChecked?: boolean } | undefined)?.contractChecked, `${method} ${route.file}`).toBe(true);
      }
    }
  });

  it("each route parses and answers with the very zod schemas its operation is generated from", async () => {
    const paths = platformApiPaths() as Record<string, Record<string, ZodOp>>;
    let compared = 0;
    for (const route of routes) {
      const template = contractTemplate(route.file)!;
      const mod = (await import(`@/${route.file}`)) as Partial<Record<string, Handler>>;
      for (const method of route.methods) {
        const op = paths[template]?.[method.toLowerCase()];
        expect(op, `${method} ${template} is documented`).toBeTruthy();
        const schemas = mod[method]!.schemas!;
        const success = Object.entries(op!.responses).find(([s]) => s.startsWith("2"))!;
        const documentedResponse = success[1].content?.["application/json"]?.schema;
        const documentedBody = op!.requestBody?.content["application/json"]?.schema;
        // A JSON answer with its own schema object (not the document route's plain JSON Schema, nor a stream or a file).
        if (schemas.response || (documentedResponse && typeof (documentedResponse as { parse?: unknown }).parse === "function")) {
          expect(schemas.response, `${method} ${template}: the handler's response schema is the documented one`).toBe(documentedResponse);
          compared++;
        }
        expect(schemas.body, `${method} ${template}: the body schema is the documented one`).toBe(documentedBody && typeof (documentedBody as { parse?: unknown }).parse === "function" ? documentedBody : undefined);
        expect(schemas.query, `${method} ${template}: the query schema is the documented one`).toBe(op!.requestParams?.query);
      }
    }
    expect(compared).toBeGreaterThanOrEqual(10);
  });

  it("a body that breaks the document fails the check (so passing means something)", async () => {
    const { authorization } = await createPlatform();
    const created = await call(createRoute, { method: "POST", auth: authorization, body: { type: "sync_subject" } });
    expectDocumented("POST", "/scan-requests", 201, created.json);
    const { qrContent: _dropped, ...withoutQr } = created.json;
    expect(() => expectDocumented("POST", "/scan-requests", 201, withoutQr)).toThrow(/matches the document/);
    expect(() => expectDocumented("POST", "/scan-requests", 201, { ...created.json, status: "done" })).toThrow(/matches the document/);
    expect(() => expectDocumented("POST", "/scan-requests", 201, { ...created.json, status: "completed", result: { certificate: "x" } })).toThrow(/matches the document/);
    // A field the document does not name (objects are closed for our own answers).
    expect(() => expectDocumented("POST", "/scan-requests", 201, { ...created.json, internalNote: "x" })).toThrow(/matches the document/);
    expect(() => expectDocumented("POST", "/scan-requests", 418, created.json)).toThrow(/documents status 418/);
    expect(() => expectSchema("WebhookDelivery", { deliveryId: "x", sequence: 1, occurredAt: "t", event: "scan_request.updated" })).toThrow(/matches the document/);
  });

  it("the automatic check refuses an undocumented path, status, content type, Allow or field", async () => {
    const error = (status: number, code: string, headers: Record<string, string> = {}) => NextResponse.json({ error: { code, message: "m" } }, { status, headers });
    expect(await contractViolation("GET", "/scan-requests/{id}", error(404, "not_found"))).toBeNull();
    expect(await contractViolation("GET", "/scan-requests/{id}", error(418, "not_found"))).toMatch(/status 418 is not in the document/);
    expect(await contractViolation("GET", "/no-such-path", error(404, "not_found"))).toMatch(/not in the document/);
    expect(await contractViolation("GET", "/scan-requests/{id}", error(404, "no_such_code"))).toMatch(/does not match the document/);
    expect(await contractViolation("GET", "/scan-requests/{id}", new Response("<html>", { status: 404, headers: { "content-type": "text/html" } }))).toMatch(/Content-Type text\/html/);
    expect(await contractViolation("GET", "/platform/webhook", NextResponse.json({ code: "p", webhookUrl: null, callbackUrls: [], secret: "x" }))).toMatch(/does not match the document/);
    // A method the path does not serve: 405 with the documented methods in Allow, nothing else.
    expect(await contractViolation("DELETE", "/platform/webhook", error(405, "method_not_allowed", { allow: "GET, PUT, HEAD, OPTIONS" }))).toBeNull();
    expect(await contractViolation("DELETE", "/platform/webhook", error(405, "method_not_allowed", { allow: "GET, HEAD, OPTIONS" }))).toMatch(/Allow/);
    expect(await contractViolation("DELETE", "/platform/webhook", NextResponse.json({ ok: true }))).toMatch(/must answer 405/);
    expect(await contractViolation("POST", "*", error(404, "not_found"))).toBeNull();
    expect(await contractViolation("POST", "*", new Response("", { status: 404 }))).toMatch(/JSON 404/);
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
    expect(doc.json).toMatchObject({ openapi: "3.1.0", info: { version: "1.2.0" } });
  });

  it("GET /pki/ca matches PkiCa", async () => {
    await ensureCaHierarchy();
    const res = await call(caIndexRoute as Handler);
    expect(res.status).toBe(200);
    expectDocumented("GET", "/pki/ca", 200, res.json);
    expect((res.json.cas as unknown[]).length).toBeGreaterThan(0);
  });
});
