import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIResponse, type Page, type Response } from "@playwright/test";
import { DEMO, loginAs, loginWithPassword } from "./fixtures/auth";
import { phoneContext } from "./fixtures/review";
import { launchPhoneBrowser, writeQrY4m } from "./scan-camera";

// Security headers on every page (CSP with a per-request nonce, frame-ancestors, Permissions-Policy
// with the camera on /m/scan only, nosniff, Referrer-Policy) and cross-site writes refused by the
// proxy with a 403 before Next.js turns a foreign server action into a 500.

function directive(csp: string, name: string): string[] | undefined {
  const found = csp.split(";").map((d) => d.trim().split(/\s+/)).find(([n]) => n === name);
  return found?.slice(1);
}

/** CSP violations the page reports, from the console and from securitypolicyviolation events. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Permissions-Policy|Permissions Policy/i.test(m.text())) seen.push(`${page.url()}: ${m.text()}`);
  });
  // Init scripts run through the DevTools protocol, outside the page's CSP.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
    });
  });
  return seen;
}

type PageHeaders = { nonce: string; csp: string; permissions: string };

/** The headers every page carries; returns the nonce. */
async function expectPageHeaders(res: Response | APIResponse, { camera }: { camera: boolean }): Promise<PageHeaders> {
  const h = res.headers();
  const csp = h["content-security-policy"] ?? "";
  const scriptSrc = directive(csp, "script-src") ?? [];
  const nonce = scriptSrc.map((s) => /^'nonce-([A-Za-z0-9+/=]{16,})'$/.exec(s)?.[1]).find(Boolean);
  expect(nonce, `nonce in ${csp}`).toBeTruthy();
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(directive(csp, "frame-ancestors")).toEqual(["'none'"]);
  expect(directive(csp, "object-src")).toEqual(["'none'"]);
  expect(directive(csp, "base-uri")).toEqual(["'self'"]);
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["cross-origin-opener-policy"]).toBe("same-origin");
  // The e2e desk is plain http: no HSTS (the https case is unit-tested on the header builder).
  expect(h["strict-transport-security"]).toBeUndefined();
  const permissions = h["permissions-policy"] ?? "";
  expect(permissions.split(/,\s*/)).toContain(camera ? "camera=(self)" : "camera=()");
  expect(permissions).toContain("microphone=()");
  return { nonce: nonce!, csp, permissions };
}

/** Every <script> the server sent carries this response's nonce. */
async function expectScriptsNonced(res: Response, nonce: string) {
  const tags = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag, tag).toContain(`nonce="${nonce}"`);
}

async function visit(page: Page, url: string, { camera = false } = {}) {
  const res = await page.goto(url);
  expect(res, url).not.toBeNull();
  expect(res!.status(), url).toBeLessThan(400);
  const { nonce } = await expectPageHeaders(res!, { camera });
  await expectScriptsNonced(res!, nonce);
  return res!;
}

async function cameraAllowed(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    type Policy = { allowsFeature(feature: string): boolean };
    const d = document as Document & { permissionsPolicy?: Policy; featurePolicy?: Policy };
    return (d.permissionsPolicy ?? d.featurePolicy)!.allowsFeature("camera");
  });
}

test("desk pages: the login page with its SMS form works under the CSP", async ({ page }) => {
  const violations = await watchViolations(page);
  await visit(page, "/");
  await visit(page, "/login");
  // The SMS form is a client component: it validates, then asks the server for a code.
  await page.getByLabel("手机号").fill("12345");
  await page.getByTestId("send-code").click();
  await expect(page.getByText("请输入正确的11位中国大陆手机号")).toBeVisible();
  await page.getByLabel("手机号").fill(`199${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`);
  await page.getByTestId("send-code").click();
  await expect(page.getByTestId("form-notice")).toContainText("验证码已发送");
  await page.getByRole("tab", { name: "密码登录" }).click();
  await expect(page.getByLabel("密码")).toBeVisible();
  await visit(page, "/help");
  expect(violations).toEqual([]);
});

test("signed-in desk and console pages carry the headers, each response its own nonce; a console server action works", async ({ browser }) => {
  const ctx = await browser.newContext({ locale: "zh-CN" });
  const page = await ctx.newPage();
  const violations = await watchViolations(page);
  await loginAs(ctx);
  const first = await visit(page, "/account");
  // A client form that reports hydration: the scripts ran.
  await expect(page.getByTestId("password-form")).toHaveAttribute("data-hydrated", "true");
  const second = await visit(page, "/orders");
  expect(second.headers()["content-security-policy"]).not.toBe(first.headers()["content-security-policy"]);
  await ctx.close();

  // A console page as the demo admin (the login fixture passes the staff second factor), and a
  // server action from it: same-origin actions go through the proxy.
  const staff = await browser.newContext({ locale: "zh-CN" });
  const staffPage = await staff.newPage();
  const staffViolations = await watchViolations(staffPage);
  await loginWithPassword(staff, DEMO.admin);
  await visit(staffPage, "/console/reviews");
  expect(new URL(staffPage.url()).pathname).toBe("/console/reviews");
  await visit(staffPage, "/console/audit");
  await staffPage.waitForLoadState("networkidle");
  await staffPage.getByTestId("verify-chain").click();
  await expect(staffPage.getByTestId("verify-result")).not.toBeEmpty({ timeout: 30_000 });
  await staff.close();
  expect([...violations, ...staffViolations]).toEqual([]);
});

test("phone pages: /m and /m/scan; the camera policy only on the scanner, and the scanner reads a QR from the camera", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "certdesk-csp-"));
  const y4m = path.join(dir, "qr.y4m");
  // A QR that is not one of ours: the scanner decodes it and says so, which proves camera + jsQR ran.
  writeQrY4m(y4m, "https://evil.example/m/s/not-ours");
  const phoneBrowser = await launchPhoneBrowser(y4m);
  try {
    const ctx = await phoneContext(phoneBrowser);
    await loginAs(ctx);
    const page = await ctx.newPage();
    const violations = await watchViolations(page);

    await visit(page, "/m");
    expect(await cameraAllowed(page)).toBe(false);
    // The service worker registers (a script, and worker-src 'self').
    await expect.poll(() => page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration("/m")))).toBe(true);
    await visit(page, "/m/me");
    // The offline shell the service worker keeps: rendered per request so its scripts carry a nonce.
    await visit(page, "/m/offline");
    await visit(page, "/m/scan/usage");
    expect(await cameraAllowed(page)).toBe(false);

    // From the home screen's 扫一扫 link (a client-side link): /m/scan loads as its own document, so
    // its camera policy applies, and the camera delivers the QR.
    await page.goto("/m");
    await page.waitForLoadState("networkidle");
    await page.getByRole("link", { name: "扫一扫" }).click();
    await expect(page).toHaveURL(/\/m\/scan$/);
    await expect(page.getByTestId("scan-link-error")).toHaveText("这不是云证书服务台的二维码", { timeout: 30_000 });
    expect(await page.evaluate(() => new URL((performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).name).pathname)).toBe("/m/scan");
    expect(await cameraAllowed(page)).toBe(true);

    // And loaded directly.
    await visit(page, "/m/scan", { camera: true });
    await expect(page.getByTestId("scan-link-error")).toHaveText("这不是云证书服务台的二维码", { timeout: 30_000 });
    expect(violations).toEqual([]);
    await ctx.close();
  } finally {
    await phoneBrowser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("route handlers: nothing loads, nothing frames them, nothing sniffs", async ({ request }) => {
  for (const url of ["/api/health", "/pki/ca"]) {
    const res = await request.get(url);
    expect(res.headers()["content-security-policy"], url).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers()["x-content-type-options"], url).toBe("nosniff");
  }
});

// A 1×1 PNG (the materials domain sniffs and re-encodes it).
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

test("a stored file keeps the policy its route sets: the config's API default does not replace it", async ({ page, context }) => {
  await loginAs(context);
  await page.goto("/apply/individual");
  await page.getByTestId("start").click();
  await expect(page).toHaveURL(/\/apply\/individual\/[^/]+\/method$/, { timeout: 30_000 });
  const orderId = new URL(page.url()).pathname.split("/")[3]!;
  const up = await context.request.post(`/api/orders/${orderId}/materials`, { multipart: { kind: "ID_FRONT", file: { name: "id.png", mimeType: "image/png", buffer: PNG } } });
  expect(up.status(), await up.text()).toBe(201);
  const { url } = (await up.json()) as { url: string };
  const res = await context.request.get(url);
  expect(res.status()).toBe(200);
  const csp = res.headers()["content-security-policy"] ?? "";
  expect(csp).not.toBe("default-src 'none'; frame-ancestors 'none'");
  expect(directive(csp, "default-src")).toEqual(["'none'"]);
  // An image opened on its own needs img-src: the route's own directive reached the browser.
  expect(directive(csp, "img-src")).toEqual(["'self'"]);
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
});

test("a cross-site server action is a 403 with the standard body; a same-origin one with an unknown id is not a 500", async ({ request, baseURL }) => {
  const action = { "Next-Action": `7f${"0".repeat(40)}`, "Content-Type": "text/plain;charset=UTF-8" };
  const variants: Array<Record<string, string>> = [
    { Origin: "http://evil.example" },
    { Origin: "http://evil.example", "Sec-Fetch-Site": "cross-site" },
    // Another port of the same host is same-site, not same-origin.
    { Origin: "http://127.0.0.1:1", "Sec-Fetch-Site": "same-site" },
  ];
  for (const headers of variants) {
    for (const page of ["/login", "/m", "/orders"]) {
      const res = await request.post(page, { headers: { ...action, ...headers }, data: "[]" });
      expect(res.status(), `${page} ${JSON.stringify(headers)}`).toBe(403);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("forbidden");
      expect(body.error.message).toBe("请求来源不是本站，已拒绝");
    }
  }
  const same = await request.post("/login", { headers: { ...action, Origin: new URL(baseURL!).origin, "Sec-Fetch-Site": "same-origin" }, data: "[]" });
  expect(same.status()).toBeGreaterThanOrEqual(400);
  expect(same.status()).toBeLessThan(500);
});

test("cross-site writes to the API are refused at the proxy; the platform API is not", async ({ browser }) => {
  const ctx = await browser.newContext();
  await loginAs(ctx);
  const foreign = { Origin: "http://evil.example", "Sec-Fetch-Site": "cross-site" };
  // The reproduced logout CSRF: a foreign form POST.
  const logout = await ctx.request.post("/api/auth/logout", { headers: foreign, form: { x: "1" } });
  expect(logout.status()).toBe(403);
  expect(((await logout.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  // Still signed in.
  const account = await ctx.request.get("/account", { maxRedirects: 0 });
  expect(account.status()).toBe(200);
  // Trading platforms call /api/v1 with HTTP Basic from anywhere: their own answer (401), not the proxy's 403.
  const v1 = await ctx.request.post("/api/v1/scan-requests", { headers: { ...foreign, "Content-Type": "application/json" }, data: {} });
  expect(v1.status()).toBe(401);
  // Same-origin writes pass (here: a wrong code, refused by the route itself).
  const same = await ctx.request.post("/api/auth/codes", { headers: { "Sec-Fetch-Site": "same-origin" }, data: { phone: "1", purpose: "LOGIN" } });
  expect(same.status()).toBe(422);
  await ctx.close();
});
