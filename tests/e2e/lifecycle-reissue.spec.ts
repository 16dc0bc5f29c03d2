// 证书补办 / 找回 after a lost phone (issue 13, done-when), in Chromium end to end: the holder downloads
// a pair on the old phone; the demo trading platform (logged in by the old phone's scan) encrypts a
// bid to the encryption certificate; the phone is "lost": a second context (new IndexedDB), the same
// account signed in, sees 系统检测到您有未找回证书, passes the holder check (a wrong ID number is
// refused first), a reviewer approves the REISSUE order in the console's review queue, the
// key-management centre delivers (the e2e fixture runs `npm run kmc -- deliver --demo`), the new phone
// sets a PIN and decrypts the bid encrypted before the loss through the demo's scan; the old phone can
// neither sign nor decrypt; `openssl ocsp` says the old signing certificate is revoked (superseded).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { devices, expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO, loginWithPassword } from "./fixtures/auth";
import { readStore } from "./fixtures/indexeddb";
import { issuingCa, ocsp } from "./fixtures/openssl";
import { applicantWithOrder, approveInConsole, downloadOnPhone } from "./fixtures/review";
import { launchPhoneBrowser, writeQrY4m } from "./scan-camera";
import { settle } from "./wizard-helpers";

// Two downloads' worth of key generation, scans and first compiles on a shared 2-core machine: the last run took 10 minutes to its old-phone step.
test.setTimeout(1_200_000);

const PIN = "285714";
const NEW_PIN = "730915";
const dir = mkdtempSync(path.join(tmpdir(), "certdesk-reissue-e2e-"));
const y4m = path.join(dir, "camera.y4m");
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? 3200}`;
const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(name), fullPage: true });

async function enterPin(page: Page, pin: string) {
  for (const d of pin) await page.getByTestId(`key-${d}`).click();
}

/** The demo shows a QR; this phone's scanner reads it through the fake camera and opens the confirmation. */
async function scanDemoQr(demo: Page, phone: Page) {
  const qr = demo.getByTestId("demo-qr");
  await expect(qr).toBeVisible({ timeout: 30_000 });
  writeQrY4m(y4m, (await qr.getAttribute("data-qr-content"))!);
  await phone.goto("/m/scan");
  await expect(phone).toHaveURL(/\/m\/s\/[A-Za-z0-9_-]+$/, { timeout: 30_000 });
  await expect(phone.getByTestId("scan-confirm")).toBeVisible({ timeout: 30_000 });
  await phone.waitForLoadState("networkidle");
}

/** A minimal one-page PDF (the demo accepts %PDF- files up to 10 MB). */
function tinyPdf(text: string) {
  return Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
}

type Stored = { usage: string; keyShareId: string; certificateId: string; serialHex: string };
const storedShares = async (page: Page) => readStore<Stored>(page, "certdesk-keys", "shares");

let phoneBrowser: Browser;
test.beforeAll(() => {
  writeQrY4m(y4m, "about:blank");
});
test.afterAll(async () => {
  await phoneBrowser?.close();
});

test("lost phone → 找回 on a new phone: the bid encrypted before the loss decrypts there; the old phone signs and decrypts nothing; OCSP says the old signing certificate is revoked", async ({ browser }) => {
  phoneBrowser = await launchPhoneBrowser(y4m);
  const { defaultBrowserType: _ignored, ...iphone } = devices["iPhone 13"];
  const phoneOptions = { ...iphone, locale: "zh-CN", baseURL, permissions: ["camera"] };

  // The old phone: an approved order, downloaded (the encryption share escrowed by the browser).
  const oldCtx: BrowserContext = await phoneBrowser.newContext(phoneOptions);
  const order = await applicantWithOrder(oldCtx);
  const reviewerCtx = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  await loginWithPassword(reviewerCtx, DEMO.reviewer);
  const console = await reviewerCtx.newPage();
  await approveInConsole(console, order.no);
  const old = await oldCtx.newPage();
  await downloadOnPhone(old, order.orderId, PIN);
  const oldShares = await storedShares(old);
  const oldSign = oldShares.find((s) => s.usage === "SIGN")!;
  const oldEnc = oldShares.find((s) => s.usage === "ENCRYPT")!;

  // The demo platform: logged in by the old phone's scan, then a bid sealed to the encryption certificate.
  const desk = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  const demo = await desk.newPage();
  await demo.goto("/demo/tender");
  await demo.waitForLoadState("networkidle");
  await demo.getByTestId("demo-login-start").click();
  await scanDemoQr(demo, old);
  await enterPin(old, PIN);
  await expect(demo.getByTestId("demo-logged-in")).toContainText("已登录：", { timeout: 30_000 });
  // The demo seals a bid once it is signed: the old phone signs it (the last thing it does).
  writeFileSync(path.join(dir, "bid.pdf"), tinyPdf(`bid ${Date.now()}`));
  await demo.getByTestId("demo-bid-file").setInputFiles(path.join(dir, "bid.pdf"));
  await demo.getByTestId("demo-bid-upload").click();
  await scanDemoQr(demo, old);
  await expect(old.getByTestId("scan-operation")).toHaveText("签署「bid」");
  await enterPin(old, PIN);
  await expect(demo.getByTestId("demo-sign-result")).toContainText("签章验证通过", { timeout: 30_000 });
  await demo.getByTestId("demo-encrypt").click();
  await expect(demo.getByTestId("demo-encrypted")).toBeVisible();

  // The phone is lost. A new phone (new IndexedDB), the same account signed in.
  const newCtx = await phoneBrowser.newContext({ ...phoneOptions, storageState: { cookies: await oldCtx.cookies(), origins: [] } });
  const page = await newCtx.newPage();
  await page.goto("/m");
  await settle(page);
  await expect(page.getByTestId("missing-keys")).toContainText("系统检测到您有未找回证书");
  await shot(page, "phone-missing-keys.png");
  await page.getByTestId(`reissue-link-${oldSign.certificateId}`).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("证书补办 / 找回");
  await settle(page);

  // A wrong ID number is refused with a clear message; the holder's data passes (PHONE3 in the sandbox).
  await page.getByTestId("reissue-name").fill("张三");
  await page.getByTestId("reissue-id-number").fill("11010519491231002X");
  await page.getByTestId("reissue-start").click();
  await expect(page.getByTestId("reissue-error")).toContainText("与证书持有人不一致");
  await page.getByTestId("reissue-id-number").fill(order.idNumber);
  await shot(page, "phone-reissue-identity.png");
  await page.getByTestId("reissue-start").click();
  await expect(page.getByTestId("reissue-status")).toHaveText("已提交，等待 CA 审核", { timeout: 30_000 });
  const reissueNo = (await page.getByTestId("reissue-no").getAttribute("data-no"))!;
  await shot(page, "phone-reissue-submitted.png");

  // Nothing is delivered before the review; the reviewer approves the REISSUE order in the review queue.
  const early = await newCtx.request.post("/api/m/dev/deliver-recoveries", { data: {} });
  expect(((await early.json()) as { outcomes: unknown[] }).outcomes).toEqual([]);
  await approveInConsole(console, reissueNo);
  await shot(console, "console-reissue-review.png");
  await page.getByTestId("reissue-refresh").click();
  await expect(page.getByTestId("reissue-status")).toHaveText("CA 已审核通过，等待密钥管理中心处理");
  const delivered = await newCtx.request.post("/api/m/dev/deliver-recoveries", { data: {} });
  expect(((await delivered.json()) as { outcomes: Array<{ outcome: string }> }).outcomes.map((o) => o.outcome)).toEqual(["delivered"]);
  await page.getByTestId("reissue-refresh").click();
  await expect(page.getByTestId("reissue-status")).toHaveText("密钥管理中心已发送，请设置 PIN 完成找回");
  await page.getByTestId("pin").fill(NEW_PIN);
  await page.getByTestId("confirm-pin").fill(NEW_PIN);
  await shot(page, "phone-reissue-pin.png");
  await page.getByTestId("reissue-finish").click();
  await expect(page.getByTestId("reissue-done")).toBeVisible({ timeout: 60_000 });
  await shot(page, "phone-reissue-done.png");
  const newShares = await storedShares(page);
  // The same encryption key (and certificate), a new signing key and certificate.
  expect(newShares.find((s) => s.usage === "ENCRYPT")).toMatchObject({ keyShareId: oldEnc.keyShareId, certificateId: oldEnc.certificateId });
  const newSign = newShares.find((s) => s.usage === "SIGN")!;
  expect(newSign.keyShareId).not.toBe(oldSign.keyShareId);
  expect(newSign.serialHex).not.toBe(oldSign.serialHex);

  // The new phone decrypts the bid sealed before the loss, through the demo's scan.
  await demo.getByTestId("demo-open").click();
  await scanDemoQr(demo, page);
  await expect(page.getByTestId("scan-operation")).toHaveText("解密「bid」");
  await enterPin(page, NEW_PIN);
  await expect(page.getByText("解密完成")).toBeVisible({ timeout: 60_000 });
  await expect(demo.getByTestId("demo-open-result")).toContainText("与原文件一致", { timeout: 20_000 });

  // The old phone: its signing key cannot log in (sign) any more, its encryption key cannot decrypt.
  await desk.request.post("/demo/tender/api/logout");
  await demo.goto("/demo/tender");
  await demo.getByTestId("demo-login-start").click();
  const qr = demo.getByTestId("demo-qr");
  await expect(qr).toBeVisible({ timeout: 30_000 });
  writeQrY4m(y4m, (await qr.getAttribute("data-qr-content"))!);
  await old.goto("/m/scan");
  await expect(old).toHaveURL(/\/m\/s\/[A-Za-z0-9_-]+$/, { timeout: 30_000 });
  await old.waitForLoadState("networkidle");
  // The only valid signing certificate is the new phone's: this phone has no key for it, so no PIN pad.
  await expect(old.getByText("该证书的密钥不在本手机上，无法在此完成操作。").or(old.getByTestId("scan-failure")).first()).toBeVisible({ timeout: 30_000 });
  await expect(old.getByTestId("key-1")).toHaveCount(0);
  await shot(old, "old-phone-sign-refused.png");
  // Directly against the desk: the old signing share and the old encryption record with the old PIN.
  const signTry = await oldCtx.request.post(`/api/m/keys/${oldSign.keyShareId}/wrap-key`, { data: { pin: PIN } });
  expect(signTry.status()).toBe(404);
  const decryptTry = await oldCtx.request.post(`/api/m/keys/${oldEnc.keyShareId}/wrap-key`, { data: { pin: PIN } });
  expect(decryptTry.ok()).toBe(false);

  // OpenSSL asks the desk's responder: the old signing certificate is revoked (superseded), the encryption one good.
  const ca = (await issuingCa(oldCtx.request)).pem;
  const out = ocsp(baseURL!, ca, oldSign.serialHex);
  expect(out).toContain("Cert Status: revoked");
  expect(out).toContain("Reason: superseded");
  expect(ocsp(baseURL!, ca, oldEnc.serialHex)).toContain("Cert Status: good");
  expect(ocsp(baseURL!, ca, newSign.serialHex)).toContain("Cert Status: good");

  await desk.close();
  await reviewerCtx.close();
});
