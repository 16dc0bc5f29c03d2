import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientIp } from "@/lib/server/http/client-ip";
// @ts-expect-error plain ESM script without types
import { badRequest, isServablePath, recordPeer } from "@/scripts/serve-request.mjs";

// The production server's request preparation over a real loopback socket: what the app then
// reads as the client's address, whatever the client wrote in X-Forwarded-For.
let server: http.Server;
let base = "";
beforeAll(async () => {
  server = http.createServer((req, res) => {
    recordPeer(req);
    if (!isServablePath(req.url)) return badRequest(res);
    const headers = new Headers(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]) as [string, string][]);
    res.end(JSON.stringify({ direct: clientIp(headers, 0), behindOneProxy: clientIp(headers, 1) }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("scripts/serve-request.mjs", () => {
  it("TRUST_PROXY=0: 40 requests with a fresh forged X-Forwarded-For (and a forged peer header) all count as the socket's address", async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const res = await fetch(`${base}/api/auth/codes`, { headers: { "x-forwarded-for": `10.9.${i}.1`, "x-certdesk-peer": `10.8.${i}.1` } });
      seen.add(((await res.json()) as { direct: string }).direct);
    }
    expect([...seen]).toEqual(["127.0.0.1"]);
  });

  it("TRUST_PROXY=1: the address the proxy appended, not what the client put before it", async () => {
    // nginx in front appends the client's real address: "forged, real"; the server appends nginx (127.0.0.1)
    const res = await fetch(`${base}/x`, { headers: { "x-forwarded-for": "6.6.6.6, 203.0.113.9" } });
    expect(((await res.json()) as { behindOneProxy: string }).behindOneProxy).toBe("203.0.113.9");
  });

  it("answers paths with broken %-escapes or control characters, and queries with a NUL, with a 400 JSON error", async () => {
    for (const path of ["/pki/crl/%ff%fe.crl", "/pki/ocsp/%", "/api/payments/%00", "/a/%E0%A4%A", "/dev/outbox?to=%00", "/console/audit?targetType=a%00b"]) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("bad_request");
    }
    expect((await fetch(`${base}/pki/ocsp/MEIwQDA%2BMDwwOjAJBgUrDgMCGgUA`)).status).toBe(200);
  });
});
