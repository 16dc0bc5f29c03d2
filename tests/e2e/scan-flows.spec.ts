import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { devices, expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO, loginAs, loginWithPassword } from "./fixtures/auth";
import { applicantWithOrder, downloadOnPhone } from "./fixtures/review";
import { launchPhoneBrowser, writeQrY4m } from "./scan-camera";
import { extractCmsSignedAttributes, isVerifiedByPkeyutl, opensslOk, publicKeyOf } from "../unit/pki/openssl-helpers";
import { answerConfirm } from "./fixtures/confirm";
import { checkPage } from "./fixtures/page-checks";

// Key generation, issuance and first compiles on a shared 2-core machine are slow.
test.setTimeout(240_000);
test.describe.configure({ mode: "serial" });

const PIN = "285714";
const dir = mkdtempSync(path.join(tmpdir(), "certdesk-scan-e2e-"));
const y4m = path.join(dir, "camera.y4m");
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? 3200}`;

let phoneBrowser: Browser;
let phoneCtx: BrowserContext;
let phone: Page;
let desk: BrowserContext;
let demo: Page;

/** A minimal one-page PDF (the demo accepts %PDF- files up to 10 MB). */
function tinyPdf(text: string) {
  return Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
}

/** Approves in the console; a dev server's first compile can abort a navigation, so it is retried. */
async function approve(page: Page, orderNo: string) {
  await page.goto("/console/reviews");
  const href = (await page.getByRole("link", { name: orderNo }).getAttribute("href"))!;
  for (let i = 0; i < 3; i++) {
    await page.goto(href, { waitUntil: "commit" }).catch(() => {});
    if (await page.getByRole("heading", { level: 1 }).filter({ hasText: orderNo }).isVisible({ timeout: 30_000 }).catch(() => false)) break;
  }
  await page.waitForLoadState("networkidle");
  await page.getByTestId("approve").click();
  await answerConfirm(page);
  await expect(page.getByTestId("decision-result")).not.toBeEmpty({ timeout: 30_000 });
}

async function enterPin(page: Page, pin: string) {
  for (const d of pin) await page.getByTestId(`key-${d}`).click();
}

/** The demo shows a QR; the phone's scanner reads it through the fake camera and opens the confirmation. */
async function scanDemoQr(): Promise<string> {
  const qr = demo.getByTestId("demo-qr");
  await expect(qr).toBeVisible({ timeout: 30_000 });
  const content = (await qr.getAttribute("data-qr-content"))!;
  writeQrY4m(y4m, content);
  await phone.goto("/m/scan");
  await expect(phone).toHaveURL(/\/m\/s\/[A-Za-z0-9_-]+$/, { timeout: 30_000 });
  await expect(phone.getByTestId("scan-confirm")).toBeVisible({ timeout: 30_000 });
  await phone.waitForLoadState("networkidle");
  return content;
}

test.beforeAll(async ({ browser }, testInfo) => {
  testInfo.setTimeout(360_000);
  writeQrY4m(y4m, "about:blank");
  phoneBrowser = await launchPhoneBrowser(y4m);
  const { defaultBrowserType: _ignored, ...iphone } = devices["iPhone 13"];
  phoneCtx = await phoneBrowser.newContext({ ...iphone, locale: "zh-CN", baseURL, permissions: ["camera"] });
  const order = await applicantWithOrder(phoneCtx);
  const reviewer = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  await loginWithPassword(reviewer, DEMO.reviewer);
  await approve(await reviewer.newPage(), order.no);
  await reviewer.close();
  phone = await phoneCtx.newPage();
  await downloadOnPhone(phone, order.orderId, PIN);

  desk = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  demo = await desk.newPage();
  await demo.goto("/demo/tender");
  await demo.waitForLoadState("networkidle");
});

test.afterAll(async () => {
  await desk?.close();
  await phoneBrowser?.close();
});

test("login: the phone scans the demo platform's QR with the camera; the platform verifies signature and chain", async () => {
  await demo.getByTestId("demo-login-start").click();
  const content = await scanDemoQr();
  await expect(phone.getByTestId("scan-platform")).toHaveText("演示招投标交易平台");
  await expect(phone.getByTestId("scan-operation")).toHaveText("登录");
  await checkPage(phone, "m-scan-confirm");

  // A wrong PIN is refused and nothing completes.
  await enterPin(phone, "111111");
  await expect(phone.getByTestId("scan-error")).toContainText("PIN", { timeout: 60_000 });
  await expect(demo.getByTestId("demo-qr-status")).toHaveText("已扫码，请在手机上确认");

  await enterPin(phone, PIN);
  await expect(phone.getByTestId("scan-result")).toHaveAttribute("data-outcome", "done", { timeout: 30_000 });
  await expect(phone.getByText("登录成功")).toBeVisible();
  await expect(demo.getByTestId("demo-logged-in")).toContainText("已登录：", { timeout: 20_000 });
  await expect(demo.getByTestId("demo-chain")).toContainText("证书链校验通过");
  // The platform names the holder, not the certificate's DN, and says the webhook in words.
  await expect(demo.getByTestId("demo-logged-in")).not.toContainText("CN=");
  await checkPage(demo, "demo-tender-logged-in");

  // The same QR again: used once, refused.
  await phone.goto(new URL(content).pathname);
  await expect(phone.getByTestId("scan-failure")).toHaveText("该二维码已被使用");
});

test("a QR scanned by one holder is refused to another account", async () => {
  await desk.request.post("/demo/tender/api/logout");
  await demo.goto("/demo/tender");
  await demo.getByTestId("demo-login-start").click();
  const qr = demo.getByTestId("demo-qr");
  await expect(qr).toBeVisible({ timeout: 30_000 });
  const content = (await qr.getAttribute("data-qr-content"))!;
  // The holder opens it first (binding it), then a stranger's phone tries the same link.
  await phone.goto(new URL(content).pathname);
  await expect(phone.getByTestId("scan-confirm")).toBeVisible();
  const { defaultBrowserType: _d, ...iphone } = devices["iPhone 13"];
  const stranger = await phoneBrowser.newContext({ ...iphone, locale: "zh-CN", baseURL });
  await loginAs(stranger);
  const page = await stranger.newPage();
  await page.goto(new URL(content).pathname);
  await expect(page.getByTestId("scan-failure")).toHaveText("该二维码已被使用");
  // Nor can the stranger complete it through the API.
  const id = await demo.evaluate(async () => (await (await fetch("/demo/tender/api/steps/login", { method: "POST" })).json()).scan.id as string);
  const res = await stranger.request.post(`/api/m/scan/${id}/complete`, { data: { certificateId: "x", result: {} } });
  expect(res.status()).toBe(404);
  await stranger.close();
  // Log in properly again for the next tests.
  await demo.goto("/demo/tender");
  await demo.getByTestId("demo-login-start").click();
  await scanDemoQr();
  await enterPin(phone, PIN);
  await expect(demo.getByTestId("demo-logged-in")).toBeVisible({ timeout: 30_000 });
});

test("sign: a bid PDF signed by scan, verified by the platform and by OpenSSL; then a signing session with auto-confirm", async () => {
  const pdf = tinyPdf(`bid ${Date.now()}`);
  writeFileSync(path.join(dir, "bid.pdf"), pdf);
  await demo.getByTestId("demo-bid-file").setInputFiles(path.join(dir, "bid.pdf"));
  await demo.getByTestId("demo-bid-upload").click();
  await scanDemoQr();
  // What the holder reads before the PIN (issue 18, friction 3): platform, title, the file with its extension,
  // size and pages (the demo sends document), the SM3 fingerprint (first and last 8 hex digits, grouped, as
  // OpenSSL computes the file's SM3), and the seal: none here.
  const fileSm3 = opensslOk(["dgst", "-sm3", "-r", path.join(dir, "bid.pdf")]).split(" ")[0]!.toLowerCase();
  const fingerprint = `${fileSm3.slice(0, 4)} ${fileSm3.slice(4, 8)} … ${fileSm3.slice(56, 60)} ${fileSm3.slice(60)}`;
  await expect(phone.getByTestId("scan-platform")).toHaveText("演示招投标交易平台");
  await expect(phone.getByTestId("scan-operation")).toHaveText("签署「bid」");
  await expect(phone.getByTestId("scan-document-file")).toHaveText("bid.pdf");
  await expect(phone.getByTestId("scan-document-details")).toHaveText(`${pdf.length} 字节 · 共 1 页`);
  await expect(phone.getByTestId("scan-fingerprint")).toHaveText(fingerprint);
  await expect(phone.getByTestId("scan-fingerprint")).toHaveAttribute("title", fileSm3);
  await expect(demo.getByTestId("demo-qr-fingerprint")).toContainText(fingerprint);
  await expect(phone.getByTestId("scan-seal-summary")).toHaveText("不加盖印章");
  await expect(phone.getByText("您还没有可用的电子印章")).toBeVisible();
  await phone.screenshot({ path: path.join(process.env.SCREENSHOT_DIR ?? dir, "scan-flows-sign-confirm-390.png"), fullPage: true });
  await phone.getByTestId("open-session").check();
  await phone.getByTestId("auto-confirm").check();
  await enterPin(phone, PIN);
  await expect(phone.getByTestId("session-panel")).toBeVisible({ timeout: 30_000 });
  await expect(demo.getByTestId("demo-sign-result")).toContainText("签章验证通过", { timeout: 20_000 });

  // OpenSSL: the CMS's messageDigest is the PDF's SM3, and the signature over the signed
  // attributes verifies with the signer certificate's key (GM/T default ID).
  const p7s = await desk.request.get("/demo/tender/api/bid/p7s");
  expect(p7s.ok()).toBeTruthy();
  const p7sFile = path.join(dir, "bid.p7s");
  writeFileSync(p7sFile, await p7s.body());
  expect(opensslOk(["cms", "-cmsout", "-print", "-inform", "DER", "-in", p7sFile])).toContain("1.2.156.10197.1.401");
  const certPem = path.join(dir, "signer.pem");
  writeFileSync(certPem, opensslOk(["pkcs7", "-inform", "DER", "-in", p7sFile, "-print_certs"]));
  const parts = extractCmsSignedAttributes(p7sFile);
  const sm3 = opensslOk(["dgst", "-sm3", "-r", path.join(dir, "bid.pdf")]).split(" ")[0]!.toLowerCase();
  expect(parts.messageDigestHex).toBe(sm3);
  expect(isVerifiedByPkeyutl(publicKeyOf(certPem), parts.tbs, parts.sig)).toBe(true);
  expect(readFileSync(p7sFile).length).toBeGreaterThan(300);

  // 会话签章: the platform sends two more sign requests into the session; the phone signs them
  // without a scan or a tap.
  await demo.getByTestId("demo-session-sign").click();
  await demo.getByTestId("demo-session-sign").click();
  await expect(demo.locator('[data-testid="demo-extra-sign"][data-valid="true"]')).toHaveCount(2, { timeout: 30_000 });
  await expect(phone.getByTestId("session-signed")).toHaveCount(2);

  // The holder ends the session; a further request is no longer signed.
  await phone.getByTestId("session-end").click();
  await expect(phone.getByText("已结束")).toBeVisible();
  await demo.getByTestId("demo-session-sign").click();
  await phone.waitForTimeout(4000);
  await expect(demo.locator('[data-testid="demo-extra-sign"][data-valid="true"]')).toHaveCount(2);
});

test("decrypt: the bid sealed to the encryption certificate is opened by scan; the hash matches", async () => {
  await demo.getByTestId("demo-encrypt").click();
  await expect(demo.getByTestId("demo-encrypted")).toBeVisible();
  await demo.getByTestId("demo-open").click();
  await scanDemoQr();
  await expect(phone.getByTestId("scan-operation")).toHaveText("解密「bid」");
  await enterPin(phone, PIN);
  await expect(phone.getByText("解密完成")).toBeVisible({ timeout: 30_000 });
  await expect(demo.getByTestId("demo-open-result")).toContainText("与原文件一致", { timeout: 20_000 });
});

test("sync_subject: the demo's 同步主体库 scan returns the personal subject library (name, masked ID number) to the platform", async () => {
  await demo.getByTestId("demo-sync-start").click();
  await scanDemoQr();
  await expect(phone.getByTestId("scan-operation")).toHaveText("同步主体信息");
  await enterPin(phone, PIN);
  await expect(phone.getByText("主体信息已同步")).toBeVisible({ timeout: 30_000 });
  await expect(demo.getByTestId("demo-synced")).toBeVisible({ timeout: 20_000 });
  await expect(demo.getByTestId("demo-subject-library")).toHaveAttribute("data-kind", "person");
  await expect(demo.getByTestId("demo-subject-name")).toHaveText("张三");
  await expect(demo.getByTestId("demo-subject-idNumber")).toHaveText(/^\d{6}\*{8}[\dX]{4}$/);
  if (process.env.SCREENSHOT_DIR) await demo.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, "demo-sync-person.png"), fullPage: true });
});

test("usage records list every operation, on the phone and as CSV", async () => {
  await phone.goto("/m/scan/usage");
  await expect(phone.getByTestId("usage-row").first()).toBeVisible();
  const csv = await phoneCtx.request.get("/api/usage.csv");
  expect(csv.ok()).toBeTruthy();
  const text = await csv.text();
  expect(text).toContain("演示招投标交易平台");
  expect(text).toContain("解密");
  expect(text.split("\r\n").filter((l) => l.includes("成功")).length).toBeGreaterThanOrEqual(5);
});

test("expiry: a CA admin registers a platform; its QR, left unanswered past expiresIn, is refused on the phone and reported expired", async ({ browser }) => {
  // The admin registers a trading platform and is shown its credentials once.
  const admin = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  await loginWithPassword(admin, DEMO.admin);
  const console = await admin.newPage();
  await console.goto("/console/platforms/new");
  await console.waitForLoadState("networkidle");
  const code = `e2e-${Date.now().toString(36)}`;
  await console.getByLabel(/^平台代码/).fill(code);
  await console.getByLabel(/^名称/).fill("过期测试交易平台");
  await console.getByLabel(/^回调地址/).fill("https://e2e.example.test/callback");
  await console.getByTestId("save-platform").click();
  const clientId = (await console.getByTestId("client-id").textContent())!.trim();
  const clientSecret = (await console.getByTestId("client-secret").textContent())!.trim();
  await admin.close();
  const authorization = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`;

  // A sign request without `document` (a platform that does not describe its file): the phone says so and
  // still shows the digest's fingerprint.
  const digest = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";
  const created = await phoneCtx.request.post("/api/v1/scan-requests", { headers: { authorization }, data: { type: "sign", digest, title: "过期测试文件", expiresIn: 30 } });
  expect(created.status(), await created.text()).toBe(201);
  const scan = (await created.json()) as { id: string; qrContent: string; expiresAt: string };
  expect(Date.parse(scan.expiresAt) - Date.now()).toBeLessThanOrEqual(30_000);

  // Opened in time, answered too late.
  await phone.goto(new URL(scan.qrContent).pathname);
  await expect(phone.getByTestId("scan-confirm")).toBeVisible();
  await expect(phone.getByTestId("scan-platform")).toHaveText("过期测试交易平台");
  await expect(phone.getByTestId("scan-operation")).toHaveText("签署「过期测试文件」");
  await expect(phone.getByTestId("scan-document-file")).toHaveText("平台未提供文件名、大小和页数");
  await expect(phone.getByTestId("scan-document-details")).toHaveCount(0);
  await expect(phone.getByTestId("scan-fingerprint")).toHaveText("66c7 f0f4 … 8f4b a8e0");
  await expect(phone.getByTestId("scan-seal-summary")).toHaveText("不加盖印章");
  await expect
    .poll(async () => ((await (await phoneCtx.request.get(`/api/v1/scan-requests/${scan.id}`, { headers: { authorization } })).json()) as { status: string }).status, { timeout: 45_000, intervals: [2_000] })
    .toBe("expired");
  await phone.waitForLoadState("networkidle");
  await enterPin(phone, PIN);
  await expect(phone.getByTestId("scan-error")).toHaveText("二维码已过期，请在平台页面刷新后重新扫码");
  await phone.goto(new URL(scan.qrContent).pathname);
  await expect(phone.getByTestId("scan-failure")).toHaveText("二维码已过期，请在平台页面刷新后重新扫码");
  // The expired request shows in the holder's usage records as such.
  await phone.goto("/m/scan/usage");
  await expect(phone.getByTestId("usage-row").filter({ hasText: "过期测试交易平台" })).toContainText("已过期");
});
