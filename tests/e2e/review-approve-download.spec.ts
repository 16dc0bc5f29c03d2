import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import jsQR from "jsqr";
import sharp from "sharp";
import { DEMO, loginAs, loginWithPassword } from "./fixtures/auth";
import { applicantWithOrder, approveInConsole, downloadOnPhone, phoneContext } from "./fixtures/review";
import { checkPage } from "./fixtures/page-checks";

const shotPath = (name: string) => (process.env.SCREENSHOT_DIR ? path.join(process.env.SCREENSHOT_DIR, name) : test.info().outputPath(name));

/** What the handoff card's QR says, decoded from its PNG like a phone camera would. */
async function decodeHandoffQr(page: Page, testId: string): Promise<string | null> {
  const src = (await page.getByTestId(testId).getByTestId("phone-link-qr").getAttribute("src"))!;
  const { data, info } = await sharp(Buffer.from(src.split(",")[1]!, "base64")).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null;
}

// Two-party key generation, issuance and first compiles of the pages on a shared 2-core machine.
test.setTimeout(180_000);

test("a reviewer approves; the applicant downloads on the phone with a PIN; OpenSSL verifies the certificate", async ({ browser }) => {
  const phone = await phoneContext(browser);
  const order = await applicantWithOrder(phone);

  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await loginWithPassword(desk, DEMO.reviewer);
  const console = await desk.newPage();
  await console.goto("/console");
  await expect(console.getByTestId("review-queue-count")).toBeVisible();
  await approveInConsole(console, order.no);
  await expect(console.getByTestId("decision-result")).toHaveText("已审核通过，申请人已收到通知。");

  // The applicant's desk (1280 px) shows the next step where it happens: a QR of the phone's download
  // page, its address, and what to do without the app.
  const applicantDesk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  await applicantDesk.addCookies(await phone.cookies());
  const deskPage = await applicantDesk.newPage();
  await deskPage.goto(`/orders/${order.orderId}`);
  const handoff = deskPage.getByTestId("download-handoff");
  await expect(handoff).toContainText("下一步：在手机上下载证书");
  await expect(handoff.getByTestId("phone-link-qr")).toBeVisible();
  const phoneUrl = new URL(`/m/download/${order.orderId}`, deskPage.url()).pathname;
  expect(new URL((await decodeHandoffQr(deskPage, "download-handoff"))!).pathname).toBe(phoneUrl);
  expect(new URL((await handoff.getByTestId("download-handoff-link").getAttribute("href"))!, deskPage.url()).pathname).toBe(phoneUrl);
  await handoff.getByText("手机上还没有云证书 App？").click();
  await expect(handoff.getByTestId("download-handoff-no-app")).toContainText("添加到主屏幕");
  await deskPage.screenshot({ path: shotPath("handoff-order-desk-1280.png"), fullPage: true });
  await applicantDesk.close();

  const page = await phone.newPage();
  // On the phone itself (390 px) the QR gives way to a button that opens the download.
  await page.goto(`/orders/${order.orderId}`);
  await expect(page.getByTestId("download-handoff").getByTestId("phone-link-qr")).toBeHidden();
  await page.screenshot({ path: shotPath("handoff-order-phone-390.png"), fullPage: true });
  await page.getByTestId("download-handoff").getByRole("link", { name: "在本机打开" }).click();
  await expect(page).toHaveURL(new RegExp(`/m/download/${order.orderId}$`));

  await page.goto("/m");
  await expect(page.getByTestId(`download-${order.orderId}`)).toBeVisible();
  await expect(page.getByTestId("unread-count")).toHaveText("1");
  await checkPage(page, "m-home-before-download");
  await page.goto(`/m/download/${order.orderId}`);
  await checkPage(page, "m-download");
  const certId = await downloadOnPhone(page, order.orderId, "285714");
  // The 审核通过 message is done with once the certificate is downloaded: the 消息 badge clears.
  await expect(page.getByTestId("unread-count")).toHaveCount(0);

  // The signing certificate and its issuing CA, as a relying party gets them.
  const res = await phone.request.get(`/api/m/certificates/${certId}`);
  expect(res.ok()).toBeTruthy();
  const caId = res.headers()["x-ca-id"]!;
  const ca = await phone.request.get(`/pki/ca/${caId}.pem`);
  expect(ca.ok()).toBeTruthy();
  const dir = mkdtempSync(path.join(tmpdir(), "certdesk-e2e-"));
  writeFileSync(path.join(dir, "leaf.pem"), await res.text());
  writeFileSync(path.join(dir, "ca.pem"), await ca.text());
  const out = execFileSync("openssl", ["verify", "-vfyopt", "distid:1234567812345678", "-partial_chain", "-CAfile", "ca.pem", "leaf.pem"], { cwd: dir }).toString();
  expect(out).toContain("leaf.pem: OK");

  // A PIN-checked joint signature with the stored share works on the phone.
  await page.waitForLoadState("networkidle");
  await page.getByTestId("pin").fill("285714");
  await page.getByTestId("test-sign").click();
  await expect(page.getByTestId("sign-result")).toHaveText("签名成功并已验证");

  // The order is complete; downloading again is no longer offered.
  await page.goto(`/m/download/${order.orderId}`);
  await expect(page.getByText("该订单当前无法下载证书")).toBeVisible();

  // The desk's 办理进度 names the download (it showed the code `downloaded`).
  await page.goto(`/orders/${order.orderId}`);
  await expect(page.getByTestId("timeline")).toContainText("证书已下载");
  await checkPage(page, "desk-order-completed-390");

  // Every phone page a holder with a certificate reaches, checked once here (axe, raw codes).
  for (const path of ["/m", "/m/certs", `/m/certs/${certId}`, `/m/certs/${certId}/pin`, `/m/certs/${certId}/unlock`, `/m/certs/${certId}/recover`, `/m/reissue/${certId}`, "/m/messages", "/m/me", "/m/me/real-name", "/m/org", "/m/seals", "/m/seals/new", "/m/scan", "/m/scan/sessions", "/m/scan/usage", "/m/offline"]) {
    await page.goto(path);
    await checkPage(page, `m${path.slice(2).replaceAll("/", "-").replace(certId, "cert") || "-home"}`);
  }
  // Without a camera the scanner's message takes the viewfinder: no aiming frame runs through it.
  await page.goto("/m/scan");
  await expect(page.getByTestId("scanner-overlay")).toBeVisible();
  await expect(page.getByTestId("scanner-frame")).toHaveCount(0);
  const signedOut = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: "zh-CN" });
  const login = await signedOut.newPage();
  await login.goto("/m/login");
  await checkPage(login, "m-login");
  await signedOut.close();
});

test("an applicant cannot open the console (403) or another applicant's order (404)", async ({ browser }) => {
  const other = await browser.newContext();
  const theirs = await applicantWithOrder(other);
  const ctx = await browser.newContext();
  await loginAs(ctx);
  const page = await ctx.newPage();
  const consoleRes = await page.goto("/console/reviews");
  expect(consoleRes?.status()).toBe(403);
  const reviewRes = await page.goto(`/console/reviews/${theirs.orderId}`);
  expect(reviewRes?.status()).toBe(403);
  const orderRes = await page.goto(`/orders/${theirs.orderId}`);
  expect(orderRes?.status()).toBe(404);
  const api = await ctx.request.post("/api/m/keygen", { data: { orderId: theirs.orderId, usage: "SIGN", request: {} } });
  expect([404, 422]).toContain(api.status());
  const download = await page.goto(`/m/download/${theirs.orderId}`);
  expect(download?.status()).toBe(200);
  await expect(page.getByText("该订单当前无法下载证书")).toBeVisible();
});
