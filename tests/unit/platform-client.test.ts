import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PLATFORM_CLIENT_TYPES, platformClientTypes } from "@/scripts/generate-platform-client";
import { createPlatformClient } from "@/lib/platform-client/create-platform-client";

// The published TypeScript client (lib/platform-client): its types are what openapi-typescript makes
// of the document now, its requests carry what the document asks for, and the demo tender platform
// reaches the desk through it alone.

const ROOT = process.cwd();

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

describe("platform client", () => {
  it("lib/platform-client/platform-api.d.ts is what the document generates now (npm run platform-client)", async () => {
    const fresh = await platformClientTypes();
    expect(readFileSync(PLATFORM_CLIENT_TYPES, "utf8") === fresh, "run npm run platform-client and commit the file").toBe(true);
    // The shapes an integrator codes against are there by name.
    for (const name of ["ScanRequest", "LoginResult", "SignResult", "DecryptResult", "SyncSubjectResult", "WebhookDelivery", "CertificateStatus", "CertificateAuthorization", "Organization", "ScanRequestList"]) {
      expect(fresh).toContain(`export type ${name} = components['schemas']['${name}'];`);
    }
  }, 60_000);

  it("sends HTTP Basic and Accept-Language to /api/v1, and the /pki paths to the desk's origin without credentials", async () => {
    const seen: Array<{ url: string; authorization: string | null; language: string | null; method: string; body: string }> = [];
    const record = async (request: Request) => {
      seen.push({ url: request.url, authorization: request.headers.get("authorization"), language: request.headers.get("accept-language"), method: request.method, body: await request.text() });
      return Response.json({ cas: [] });
    };
    const certdesk = createPlatformClient({ deskUrl: "https://desk.example/", clientId: "tender", clientSecret: "s3cret", acceptLanguage: "en", fetch: record });
    await certdesk.POST("/scan-requests", { body: { type: "login", challenge: "a-challenge-of-16+" } });
    await certdesk.GET("/scan-requests", { params: { query: { status: "completed", limit: 10 } } });
    await certdesk.GET("/certificates/{serial}/authorization", { params: { path: { serial: "7e57" } } });
    await certdesk.GET("/pki/ca");
    await certdesk.GET("/pki/ca/{file}", { params: { path: { file: "abc.cer" } }, parseAs: "arrayBuffer" });
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      "POST https://desk.example/api/v1/scan-requests",
      "GET https://desk.example/api/v1/scan-requests?status=completed&limit=10",
      "GET https://desk.example/api/v1/certificates/7e57/authorization",
      "GET https://desk.example/pki/ca",
      "GET https://desk.example/pki/ca/abc.cer",
    ]);
    const basic = `Basic ${Buffer.from("tender:s3cret").toString("base64")}`;
    expect(seen.slice(0, 3).map((s) => [s.authorization, s.language])).toEqual(Array(3).fill([basic, "en"]));
    expect(seen.slice(3).map((s) => s.authorization)).toEqual([null, null]);
    expect(JSON.parse(seen[0]!.body)).toEqual({ type: "login", challenge: "a-challenge-of-16+" });
  });

  it("the demo tender platform calls the desk only through the client", () => {
    const demo = [...files(path.join(ROOT, "lib/demo-tender")), ...files(path.join(ROOT, "app/demo")), ...files(path.join(ROOT, "components/demo-tender"))];
    expect(demo.length).toBeGreaterThan(10);
    for (const file of demo.filter((f) => !f.endsWith("lib/demo-tender/platform-api.ts"))) {
      const source = readFileSync(file, "utf8");
      const rel = path.relative(ROOT, file);
      expect(source, `${rel} names a desk API path`).not.toMatch(/["'`]\/(api\/v1|pki)\//);
      expect(source, `${rel} reaches for the desk's URL itself`).not.toMatch(/APP_URL/);
    }
    // The one module that talks to the desk: typed client calls only (paths as the document names them).
    const api = readFileSync(path.join(ROOT, "lib/demo-tender/platform-api.ts"), "utf8");
    expect(api).toContain("createPlatformClient");
    expect(api).not.toMatch(/["`]\/api\/v1\//);
    expect([...api.matchAll(/demoClient\(\)\.(GET|POST|PUT)\("([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(["POST /scan-requests", "GET /scan-requests/{id}", "GET /seals", "GET /pki/ca", "GET /pki/ca/{file}"]);
  });
});
