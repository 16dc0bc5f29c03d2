import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { clientIp, PEER_HEADER } from "@/lib/server/http/client-ip";
import { assertContentType, checkParams, containsNul, isSameOrigin, parseJsonBytes, queryObject, readBodyLimited } from "@/lib/server/http/request-guard";

const h = (o: Record<string, string>) => new Headers(o);
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as AppError).code;
  }
  return "ok";
};

describe("isSameOrigin (CSRF)", () => {
  it("accepts the desk's own origin, as APP_URL or as the Host the browser used", () => {
    expect(isSameOrigin(h({ origin: "http://localhost:3000", "sec-fetch-site": "same-origin", host: "localhost:3000" }))).toBe(true);
    expect(isSameOrigin(h({ origin: "http://127.0.0.1:3200", host: "127.0.0.1:3200" }))).toBe(true);
  });
  it("refuses another site, and another port of the same host (same-site is not same-origin)", () => {
    expect(isSameOrigin(h({ origin: "https://evil.example", host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(h({ origin: "http://localhost:8080", host: "localhost:3000", "sec-fetch-site": "same-site" }))).toBe(false);
    expect(isSameOrigin(h({ origin: "http://localhost:8080", host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(h({ "sec-fetch-site": "cross-site", host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(h({ origin: "null", host: "localhost:3000" }))).toBe(false);
  });
  it("lets through a request no browser page sent (no Origin, no Sec-Fetch-Site: it carries no victim's cookies)", () => {
    expect(isSameOrigin(h({ host: "localhost:3000" }))).toBe(true);
  });
});

describe("assertContentType", () => {
  it("requires JSON on JSON routes: text/plain (what a foreign form can send) is a 415", () => {
    expect(code(() => assertContentType(h({ "content-type": "application/json; charset=utf-8" }), "json", true))).toBe("ok");
    expect(code(() => assertContentType(h({ "content-type": "text/plain" }), "json", true))).toBe("unsupported_media_type");
    expect(code(() => assertContentType(h({ "content-type": "application/x-www-form-urlencoded" }), "json", true))).toBe("unsupported_media_type");
    expect(code(() => assertContentType(h({}), "json", true))).toBe("unsupported_media_type");
    expect(code(() => assertContentType(h({}), "json", false))).toBe("ok");
  });
  it("requires multipart on uploads and the named type on raw routes", () => {
    expect(code(() => assertContentType(h({ "content-type": "multipart/form-data; boundary=x" }), "multipart", true))).toBe("ok");
    expect(code(() => assertContentType(h({ "content-type": "application/json" }), "multipart", true))).toBe("unsupported_media_type");
    expect(code(() => assertContentType(h({ "content-type": "application/ocsp-request" }), { raw: ["application/ocsp-request"] }, true))).toBe("ok");
    expect(code(() => assertContentType(h({ "content-type": "text/plain" }), { raw: ["application/ocsp-request"] }, true))).toBe("unsupported_media_type");
  });
});

describe("readBodyLimited", () => {
  function chunked(total: number, chunk = 64 * 1024) {
    let sent = 0;
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent >= total) return c.close();
        pulled++;
        const n = Math.min(chunk, total - sent);
        sent += n;
        c.enqueue(new Uint8Array(n));
      },
    });
    return { req: new Request("http://x/", { method: "POST", body, duplex: "half" } as RequestInit), stats: () => ({ sent, pulled }) };
  }

  it("stops reading a chunked body without Content-Length at the cap (413), long before its end", async () => {
    const { req, stats } = chunked(200 * 1024 * 1024);
    await expect(readBodyLimited(req, 1024 * 1024)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(stats().sent).toBeLessThanOrEqual(1024 * 1024 + 2 * 64 * 1024);
  });
  it("refuses a declared Content-Length over the cap without reading", async () => {
    const req = new Request("http://x/", { method: "POST", body: "x".repeat(10), headers: { "content-length": "999999999" } });
    await expect(readBodyLimited(req, 1000)).rejects.toMatchObject({ code: "payload_too_large" });
  });
  it("returns a body under the cap whole", async () => {
    const { req } = chunked(300_000, 1000);
    expect((await readBodyLimited(req, 400_000)).byteLength).toBe(300_000);
  });
});

describe("checkParams", () => {
  it("refuses NUL and other control characters in path parameters as not found (they never reach PostgreSQL)", () => {
    expect(code(() => checkParams({ id: "abc\u0000" }))).toBe("not_found");
    expect(code(() => checkParams({ id: "a\nb" }))).toBe("not_found");
    expect(code(() => checkParams({ request: ["ok", "bad\u0001"] }))).toBe("not_found");
    expect(code(() => checkParams({ id: "ckabc123", file: "x.crl" }))).toBe("ok");
  });
});

describe("clientIp", () => {
  it("with TRUST_PROXY=0 uses the socket peer and ignores X-Forwarded-For (a client writes what it likes there)", () => {
    expect(clientIp(h({ [PEER_HEADER]: "10.0.0.7", "x-forwarded-for": "1.2.3.4, 10.0.0.7" }), 0)).toBe("10.0.0.7");
    expect(clientIp(h({ "x-forwarded-for": "1.2.3.4" }), 0)).toBe("unknown");
  });
  it("with TRUST_PROXY=N takes the N-th hop from the right (the address the outermost trusted proxy saw)", () => {
    // client forged "6.6.6.6"; nginx appended the real client 203.0.113.9; our server appended nginx's address
    const headers = h({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "6.6.6.6, 203.0.113.9, 127.0.0.1" });
    expect(clientIp(headers, 1)).toBe("203.0.113.9");
    // two proxies: CDN saw the client, nginx saw the CDN
    expect(clientIp(h({ "x-forwarded-for": "6.6.6.6, 198.51.100.4, 192.0.2.10, 127.0.0.1" }), 2)).toBe("198.51.100.4");
    // fewer hops than proxies: the leftmost there is
    expect(clientIp(h({ "x-forwarded-for": "127.0.0.1" }), 3)).toBe("127.0.0.1");
  });
});

describe("NUL bytes never reach PostgreSQL", () => {
  it("refuses JSON bodies, query strings, forms and action arguments carrying U+0000 anywhere", () => {
    expect(code(() => parseJsonBytes(new TextEncoder().encode(JSON.stringify({ a: [{ b: "x\u0000" }] }))))).toBe("bad_request");
    expect(code(() => parseJsonBytes(new TextEncoder().encode(JSON.stringify({ ["k\u0000"]: 1 }))))).toBe("bad_request");
    expect(code(() => queryObject("http://x/?to=%00"))).toBe("bad_request");
    const form = new FormData();
    form.set("name", "a\u0000");
    expect(containsNul(form)).toBe(true);
    expect(containsNul(["id", { input: { reason: "ok" } }])).toBe(false);
    expect(code(() => parseJsonBytes(new TextEncoder().encode('{"reason":"正常的理由"}')))).toBe("ok");
  });
});
