import { randomBytes } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { NextConfig } from "next";
import { describe, expect, it } from "vitest";
import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { isServedOverHttps, pageSecurityHeaders } from "@/lib/server/http/security-headers";

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

const nonce = randomBytes(16).toString("base64");

describe("pageSecurityHeaders", () => {
  it("gives Next.js a nonce it reads, and allows no inline script without it", () => {
    const h = pageSecurityHeaders({ nonce, pathname: "/login", https: false });
    const csp = directives(h["Content-Security-Policy"]!);
    // The same parser Next.js uses to put the nonce on its own scripts.
    expect(getScriptNonceFromHeader(h["Content-Security-Policy"]!)).toBe(nonce);
    expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("script-src")).not.toContain("'unsafe-eval'");
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("worker-src")).toEqual(["'self'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(h["X-Frame-Options"]).toBe("DENY");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["Cross-Origin-Opener-Policy"]).toBe("same-origin");
  });

  it("allows eval only for next dev", () => {
    const dev = directives(pageSecurityHeaders({ nonce, pathname: "/", https: false, dev: true })["Content-Security-Policy"]!);
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("sends HSTS and upgrade-insecure-requests over https only", () => {
    const plain = pageSecurityHeaders({ nonce, pathname: "/", https: false });
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(directives(plain["Content-Security-Policy"]!).has("upgrade-insecure-requests")).toBe(false);
    const tls = pageSecurityHeaders({ nonce, pathname: "/", https: true });
    expect(tls["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(directives(tls["Content-Security-Policy"]!).has("upgrade-insecure-requests")).toBe(true);
  });

  it("lets only the scanner page and the face-check page use the camera", () => {
    const policy = (pathname: string) => pageSecurityHeaders({ nonce, pathname, https: false })["Permissions-Policy"]!.split(", ");
    expect(policy("/m/scan")).toContain("camera=(self)");
    expect(policy("/m/scan/")).toContain("camera=(self)");
    expect(policy("/m/face/tok_abc123")).toContain("camera=(self)");
    for (const p of ["/m", "/m/scan/usage", "/m/scan/sessions", "/login", "/console/reviews", "/m/scanner", "/m/face", "/m/face/a/b"]) {
      expect(policy(p), p).toContain("camera=()");
      expect(policy(p), p).not.toContain("camera=(self)");
    }
    for (const p of ["/m/scan", "/m"]) {
      expect(policy(p)).toEqual(expect.arrayContaining(["microphone=()", "geolocation=()", "payment=()"]));
    }
  });
});

describe("isServedOverHttps", () => {
  const headers = (proto?: string) => new Headers(proto ? { "x-forwarded-proto": proto } : {});
  it("trusts an https APP_URL", () => {
    expect(isServedOverHttps({ appUrl: "https://desk.example.cn", trustProxy: 0, headers: headers() })).toBe(true);
  });
  it("ignores X-Forwarded-Proto without a trusted proxy", () => {
    expect(isServedOverHttps({ appUrl: "http://localhost:3000", trustProxy: 0, headers: headers("https") })).toBe(false);
  });
  it("believes X-Forwarded-Proto behind a trusted proxy", () => {
    expect(isServedOverHttps({ appUrl: "http://127.0.0.1:3000", trustProxy: 1, headers: headers("https") })).toBe(true);
    expect(isServedOverHttps({ appUrl: "http://127.0.0.1:3000", trustProxy: 2, headers: headers("https, http") })).toBe(true);
    expect(isServedOverHttps({ appUrl: "http://127.0.0.1:3000", trustProxy: 1, headers: headers("http") })).toBe(false);
    expect(isServedOverHttps({ appUrl: "http://127.0.0.1:3000", trustProxy: 1, headers: headers() })).toBe(false);
  });
});

describe("next.config.mjs headers", () => {
  it("gives route handlers a policy that loads nothing and is framed nowhere, and everything nosniff", async () => {
    // The real config file, as next build loads it (plain ESM, no type declarations).
    const configUrl = pathToFileURL(path.resolve(import.meta.dirname, "../../next.config.mjs")).href;
    const nextConfig = ((await import(/* @vite-ignore */ configUrl)) as { default: NextConfig }).default;
    const rules = await nextConfig.headers!();
    const value = (source: string, key: string) => rules.find((r) => r.source === source)?.headers.find((h) => h.key === key)?.value;
    const apiSource = rules.find((r) => r.source.startsWith("/api/"))!.source;
    for (const source of [apiSource, "/pki/:path*"]) {
      expect(value(source, "Content-Security-Policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    }
    expect(value("/:path*", "X-Content-Type-Options")).toBe("nosniff");
    // A config header replaces the route's own: stored files (their own CSP) are left out, as Next.js matches sources.
    const matches = getPathMatch(apiSource, { strict: true, removeUnnamedParams: true });
    for (const p of ["/api/health", "/api/orders/abc/materials", "/api/auth/logout", "/api/v1/scan-requests"]) expect(matches(p), p).toBeTruthy();
    for (const p of ["/api/materials/abc", "/login"]) expect(matches(p), p).toBeFalsy();
    // Pages get DENY and frame-ancestors from the proxy; the review console frames stored PDFs.
    expect(rules.flatMap((r) => r.headers).some((h) => h.key === "X-Frame-Options")).toBe(false);
  });
});
