import { describe, expect, it } from "vitest";
import { routeTable, HTTP_METHODS } from "../support/route-table";

// A client of the platform API gets the JSON error body for every mistake under /api: a method a path
// does not serve (405 with Allow) on every /api/v1 route, and an unknown path (404) anywhere.

type Module = Partial<Record<(typeof HTTP_METHODS)[number], (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>>>;

const v1 = routeTable().filter((r) => r.pattern.startsWith("/api/v1/"));

describe("JSON errors under /api", () => {
  it("finds the platform API's routes", () => {
    expect(v1.map((r) => r.pattern)).toEqual(expect.arrayContaining(["/api/v1/scan-requests", "/api/v1/scan-requests/[id]", "/api/v1/platform/webhook"]));
  });

  for (const route of v1) {
    it(`${route.pattern}: a method it does not serve is a JSON 405 naming the allowed ones`, async () => {
      const mod = (await import(`@/${route.file}`)) as Module;
      const others = HTTP_METHODS.filter((m) => !route.methods.includes(m));
      expect(others.length).toBeGreaterThan(0);
      for (const method of others) {
        const handler = mod[method];
        expect(handler, `${route.file} answers ${method} with methodsNotAllowed`).toBeTypeOf("function");
        const res = await handler!(new Request(`http://desk.test${route.pattern}`, { method, headers: { "accept-language": "en" } }), { params: Promise.resolve({}) });
        expect(res.status).toBe(405);
        expect(res.headers.get("content-type")).toContain("application/json");
        const allow = (res.headers.get("allow") ?? "").split(", ");
        expect(allow).toEqual(expect.arrayContaining(route.methods));
        expect(allow).not.toContain(method);
        expect(await res.json()).toEqual({ error: { code: "method_not_allowed", message: "This method is not allowed here" } });
      }
    });
  }

  it("an unknown path under /api is a JSON 404 for every method", async () => {
    const mod = (await import("@/app/api/[...path]/route")) as Module;
    for (const method of HTTP_METHODS) {
      const body = method === "GET" ? undefined : JSON.stringify({ x: 1 });
      const res = await mod[method]!(new Request("http://desk.test/api/v1/no-such-thing", { method, body, headers: body ? { "content-type": "application/json" } : {} }), {
        params: Promise.resolve({ path: ["v1", "no-such-thing"] }),
      });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: "not_found", message: expect.stringMatching(/[\u4e00-\u9fff]/) } });
    }
  });
});
