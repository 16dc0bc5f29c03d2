import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { GET as sealsRoute } from "@/app/api/v1/seals/route";
import { POST as pdfVerifyRoute } from "@/app/api/v1/pdf/verify/route";
import { POST as matchRoute } from "@/app/api/v1/subjects/match/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/scan-requests/route";
import { GET as getRoute } from "@/app/api/v1/scan-requests/[id]/route";
import { GET as eventsRoute } from "@/app/api/v1/scan-requests/[id]/events/route";
import { GET as certificateRoute } from "@/app/api/v1/certificates/[serial]/route";
import { GET as authorizationRoute } from "@/app/api/v1/certificates/[serial]/authorization/route";
import { GET as organizationRoute } from "@/app/api/v1/organizations/[uscc]/route";
import { GET as getWebhookRoute, PUT as putWebhookRoute } from "@/app/api/v1/platform/webhook/route";
import { GET as openapiRoute } from "@/app/api/v1/openapi.json/route";
import { GET as caIndexRoute } from "@/app/(pki)/pki/ca/route";
import { GET as caFileRoute } from "@/app/(pki)/pki/ca/[file]/route";
import { GET as crlRoute } from "@/app/(pki)/pki/crl/[file]/route";
import { POST as ocspPostRoute } from "@/app/(pki)/pki/ocsp/route";
import { GET as ocspGetRoute } from "@/app/(pki)/pki/ocsp/[...request]/route";
import { ensureCaHierarchy } from "@/lib/server/ca/ensure-ca-hierarchy";
import { openApiDocument } from "@/lib/server/scan/openapi-document";
import { createPlatform } from "../support/platform-fixtures";
import { contractSeen } from "../support/openapi-contract";

// Not a sample: every status the document lists for every operation is produced here, through the
// wrapped handlers (each answer checked against the document by tests/support/contract-plugin.ts),
// except the few listed in ELSEWHERE with the test that produces them. A status added to the document
// without a test that produces it, or an operation added without one, fails the last case.

const ELSEWHERE: Record<string, string> = {
  "POST /subjects/match 200": "subject-match.test.ts (a certified person who met the platform)",
  "POST /subjects/match 429": "subject-match.test.ts (60 of 80 parallel calls, through matchPersonSubject: the route answers its rate_limited as every route does)",
  "POST /scan-requests 410": "scan-platform-api.test.ts (an ended signing session)",
  "POST /scan-requests 429": "platform-records-api.test.ts (the creation limit)",
  "GET /certificates/{serial} 200": "scan-platform-api.test.ts (a certificate the platform was handed)",
  "GET /certificates/{serial}/authorization 200": "platform-records-api.test.ts",
  "GET /organizations/{uscc} 200": "platform-records-api.test.ts",
  "PUT /platform/webhook 409": "scan-platform-api.test.ts (12 PUTs racing 4 console changes; not every run loses a race)",
};

type Handler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;
async function call(route: Handler, { method = "GET", auth, body, type, params = {}, query = "", headers = {} }: { method?: string; auth?: string; body?: BodyInit; type?: string; params?: object; query?: string; headers?: Record<string, string> } = {}) {
  // Aborted once answered: an event stream ends at the next read, as when a client goes away.
  const gone = new AbortController();
  const res = await route(
    new Request(`http://desk.test/x${query}`, { method, body, signal: gone.signal, headers: { ...(auth ? { authorization: auth } : {}), ...(type ? { "content-type": type } : {}), ...headers } }),
    { params: Promise.resolve(params as never) },
  );
  gone.abort();
  void res.body?.cancel().catch(() => {});
  return res.status;
}

const json = (v: unknown) => JSON.stringify(v);
const tooBig = json({ x: "a".repeat(65 * 1024) });

async function blankPdf() {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  return new Uint8Array(await doc.save());
}

describe("every documented status of every operation", () => {
  let authorization = "";

  it("platform operations: 401 without credentials, 400 for a body that is not JSON, 415 for another type, 413 over the limit, 422, 404", async () => {
    ({ authorization } = await createPlatform());
    const auth = authorization;
    const id = { id: "clnosuchrequest000000000" };
    // 401: every platform operation without credentials.
    for (const [route, opts] of [
      [sealsRoute, { query: "?serial=00" }],
      [pdfVerifyRoute, { method: "POST", body: await blankPdf(), type: "application/pdf" }],
      [matchRoute, { method: "POST", body: json({ idNumber: "11010519491231002X" }), type: "application/json" }],
      [createRoute, { method: "POST", body: json({ type: "sync_subject" }), type: "application/json" }],
      [listRoute, {}],
      [getRoute, { params: id }],
      [eventsRoute, { params: id }],
      [certificateRoute, { params: { serial: "7e57" } }],
      [authorizationRoute, { params: { serial: "7e57" } }],
      [organizationRoute, { params: { uscc: "91110108MA01ABCDE1" } }],
      [getWebhookRoute, {}],
      [putWebhookRoute, { method: "PUT", body: json({ webhookUrl: null }), type: "application/json" }],
    ] as Array<[Handler, Parameters<typeof call>[1]]>) {
      expect(await call(route, opts)).toBe(401);
    }
    // 400 / 415 / 413 on every JSON write.
    for (const [route, method] of [[matchRoute, "POST"], [createRoute, "POST"], [putWebhookRoute, "PUT"]] as Array<[Handler, string]>) {
      expect(await call(route, { method, auth, body: "{not json", type: "application/json" })).toBe(400);
      expect(await call(route, { method, auth, body: "x=1", type: "application/x-www-form-urlencoded" })).toBe(415);
      expect(await call(route, { method, auth, body: tooBig, type: "application/json" })).toBe(413);
    }
    // 422: query, path and body validation.
    expect(await call(sealsRoute, { auth, query: "?serial=not-hex" })).toBe(422);
    expect(await call(listRoute, { auth, query: "?limit=0" })).toBe(422);
    expect(await call(certificateRoute, { auth, params: { serial: "not-hex" } })).toBe(422);
    expect(await call(authorizationRoute, { auth, params: { serial: "not-hex" } })).toBe(422);
    expect(await call(organizationRoute, { auth, params: { uscc: "short" } })).toBe(422);
    expect(await call(matchRoute, { method: "POST", auth, body: json({ idNumber: "1" }), type: "application/json" })).toBe(422);
    expect(await call(createRoute, { method: "POST", auth, body: json({ type: "login" }), type: "application/json" })).toBe(422);
    expect(await call(putWebhookRoute, { method: "PUT", auth, body: json({ webhookUrl: "https://not.registered/hook" }), type: "application/json" })).toBe(422);
    // 404: what this platform never met.
    expect(await call(getRoute, { auth, params: id })).toBe(404);
    expect(await call(eventsRoute, { auth, params: id })).toBe(404);
    expect(await call(certificateRoute, { auth, params: { serial: "7e57" } })).toBe(404);
    expect(await call(authorizationRoute, { auth, params: { serial: "7e57" } })).toBe(404);
    expect(await call(organizationRoute, { auth, params: { uscc: "91110108MA01ABCDE1" } })).toBe(404);
    expect(await call(matchRoute, { method: "POST", auth, body: json({ idNumber: "11010519491231002X" }), type: "application/json" })).toBe(404);
  });

  it("platform operations: their successes", async () => {
    const auth = authorization;
    const created = await createRoute(new Request("http://desk.test/x", { method: "POST", headers: { authorization: auth, "content-type": "application/json" }, body: json({ type: "sync_subject" }) }));
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(await call(getRoute, { auth, params: { id } })).toBe(200);
    expect(await call(eventsRoute, { auth, params: { id } })).toBe(200);
    expect(await call(listRoute, { auth })).toBe(200);
    expect(await call(sealsRoute, { auth, query: "?serial=7e57" })).toBe(200);
    expect(await call(getWebhookRoute, { auth })).toBe(200);
    expect(await call(putWebhookRoute, { method: "PUT", auth, body: json({ webhookUrl: null }), type: "application/json" })).toBe(200);
    expect(await call(openapiRoute as Handler)).toBe(200);
  });

  it("PDF verification: a report for a PDF, 422 for what is not one, 415, 413 over 20 MB, 429 past 30 a minute", async () => {
    const auth = authorization;
    const pdf = await blankPdf();
    expect(await call(pdfVerifyRoute, { method: "POST", auth, body: pdf, type: "application/pdf" })).toBe(200);
    expect(await call(pdfVerifyRoute, { method: "POST", auth, body: "not a pdf", type: "application/pdf" })).toBe(422);
    expect(await call(pdfVerifyRoute, { method: "POST", auth, body: json({}), type: "application/json" })).toBe(415);
    expect(await call(pdfVerifyRoute, { method: "POST", auth, body: new Uint8Array(20 * 1024 * 1024 + 1), type: "application/pdf" })).toBe(413);
    const statuses = await Promise.all(Array.from({ length: 30 }, () => call(pdfVerifyRoute, { method: "POST", auth, body: pdf, type: "application/pdf" })));
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });

  it("the PKI endpoints: the index, certificates and CRLs (404 for an unknown CA), OCSP by POST and GET (414 for a request too long, 413/415 for a wrong body)", async () => {
    await ensureCaHierarchy();
    const index = await caIndexRoute(new Request("http://desk.test/pki/ca"), { params: Promise.resolve({}) } as never);
    const { cas } = (await index.json()) as { cas: Array<{ id: string; kind: string }> };
    const issuing = cas.find((c) => c.kind === "ISSUING")!;
    expect(await call(caFileRoute as Handler, { params: { file: `${issuing.id}.cer` } })).toBe(200);
    expect(await call(caFileRoute as Handler, { params: { file: `${issuing.id}.pem` } })).toBe(200);
    expect(await call(caFileRoute as Handler, { params: { file: "nosuchca.cer" } })).toBe(404);
    expect(await call(crlRoute as Handler, { params: { file: `${issuing.id}.crl` } })).toBe(200);
    expect(await call(crlRoute as Handler, { params: { file: "nosuchca.crl" } })).toBe(404);
    // A malformed OCSP request is still answered with an OCSPResponse (malformedRequest), as RFC 6960 says.
    expect(await call(ocspPostRoute as Handler, { method: "POST", body: new Uint8Array([0x30, 0x00]), type: "application/ocsp-request" })).toBe(200);
    expect(await call(ocspPostRoute as Handler, { method: "POST", body: new Uint8Array(17 * 1024), type: "application/ocsp-request" })).toBe(413);
    expect(await call(ocspPostRoute as Handler, { method: "POST", body: json({}), type: "application/json" })).toBe(415);
    const get = (path: string) => ocspGetRoute(new Request(`http://desk.test/pki/ocsp/${path}`), { params: Promise.resolve({ request: [path] }) } as never).then(async (r) => (await r.body?.cancel(), r.status));
    expect(await get("MAA%3D")).toBe(200);
    expect(await get("A".repeat(25 * 1024))).toBe(414);
  });

  it("covers them all: no documented status is left without a test that produces it", () => {
    const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([m]) => ["get", "post", "put", "patch", "delete"].includes(m))
        .flatMap(([m, op]) => Object.keys(op.responses).map((s) => `${m.toUpperCase()} ${path} ${s}`)),
    );
    const missing = documented.filter((d) => !contractSeen.has(d) && !(d in ELSEWHERE));
    expect(missing, "documented statuses no test produces (produce them here or name the test in ELSEWHERE)").toEqual([]);
    for (const key of Object.keys(ELSEWHERE)) expect(documented, `ELSEWHERE names ${key}, which the document does not list`).toContain(key);
  });
});
