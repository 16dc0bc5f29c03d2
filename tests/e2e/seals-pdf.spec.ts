import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { devices, expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { applicantWithOrder, approveInConsole, consolePage, downloadOnPhone } from "./fixtures/review";
import { bidPdf, demoLogin, inkNear, opensslVerifies as verifyWithOpenssl, renderPage, signaturesOf, stampOnDemo, type Sig } from "./fixtures/signed-pdf";
import { launchPhoneBrowser, writeQrY4m } from "./scan-camera";

// 签章 with a seal on the demo platform's PDF (issue 14, part 2): the seal picked on the platform
// and placed by a click on the rendered page, the signature made by scan on the phone, embedded in
// the PDF; a second seal is a second, incremental signature. OpenSSL and poppler are the oracles.
test.setTimeout(300_000);
test.describe.configure({ mode: "serial" });

const PIN = "285714";
const dir = mkdtempSync(path.join(tmpdir(), "certdesk-seals-pdf-"));
const y4m = path.join(dir, "camera.y4m");
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? 3200}`;
const file = (name: string) => path.join(dir, name);

let phoneBrowser: Browser;
let phoneCtx: BrowserContext;
let phone: Page;
let desk: BrowserContext;
let demo: Page;
let firstSigned: Buffer;
let twiceSigned: Buffer;

const signing = () => ({ demo, phone, y4m, pin: PIN });
const stamp = (at: { sealName: string; page: number; x: number; y: number; across?: boolean }) => stampOnDemo(signing(), { ...at, phoneShot: file(`phone-confirm-${at.page}.png`) });
const opensslVerifies = (pdf: Buffer, sig: Sig, name: string) => verifyWithOpenssl(desk.request, dir, pdf, sig, name);
const render = (pdf: Buffer, page: number) => renderPage(dir, pdf, page);

test.beforeAll(async ({ browser }, testInfo) => {
  testInfo.setTimeout(420_000);
  writeQrY4m(y4m, "about:blank");
  phoneBrowser = await launchPhoneBrowser(y4m);
  const { defaultBrowserType: _ignored, ...iphone } = devices["iPhone 13"];
  phoneCtx = await phoneBrowser.newContext({ ...iphone, locale: "zh-CN", baseURL, permissions: ["camera"] });
  const order = await applicantWithOrder(phoneCtx);
  const reviewer = await consolePage(browser);
  await approveInConsole(reviewer, order.no);
  await reviewer.context().close();
  phone = await phoneCtx.newPage();
  await downloadOnPhone(phone, order.orderId, PIN);
  // Two approved seals bound to the signing certificate (processed pictures, CA-signed SES_Seal).
  for (const kind of ["PERSONAL", "HANDWRITTEN"]) {
    const res = await phoneCtx.request.post("/api/m/dev/fixture-seal", { data: { kind } });
    expect(res.ok(), await res.text()).toBeTruthy();
  }
  desk = await browser.newContext({ baseURL, viewport: { width: 1280, height: 1000 }, locale: "zh-CN" });
  demo = await desk.newPage();
  await demoLogin(signing());
});

test.afterAll(async () => {
  await desk?.close();
  await phoneBrowser?.close();
});

test("a seal placed by a click on page 2 is signed by scan; the PDF shows it there and OpenSSL verifies the CMS over /ByteRange and the chain", async () => {
  writeFileSync(file("bid.pdf"), await bidPdf());
  await demo.getByTestId("demo-pdf-file").setInputFiles(file("bid.pdf"));
  await demo.getByTestId("demo-pdf-upload").click();
  await expect(demo.getByTestId("demo-pdf-seal")).toHaveCount(2, { timeout: 30_000 });
  await stamp({ sealName: "个人印章（测试）", page: 2, x: 0.3, y: 0.4 });
  await expect(demo.locator('[data-testid="demo-pdf-signature"][data-valid="true"]')).toHaveCount(1, { timeout: 30_000 });
  await demo.screenshot({ path: file("demo-after-first.png"), fullPage: true });

  firstSigned = await (await desk.request.get("/demo/tender/api/pdf/file")).body();
  const [sig] = signaturesOf(firstSigned);
  expect(sig.byteRange[0]).toBe(0);
  expect(sig.byteRange[2] + sig.byteRange[3]).toBe(firstSigned.length);
  expect(await opensslVerifies(firstSigned, sig, "first")).toEqual({ digestMatches: true, signatureOk: true, chainOk: true });

  // The seal's red pixels at 30 % / 40 % of page 2 (A4 at 72 dpi), none there on page 1.
  const page2 = await render(firstSigned, 2);
  expect(inkNear(page2, 0.3 * 595.28, 0.4 * 841.89, 28, "red")).toBeGreaterThan(150);
  const page1 = await render(firstSigned, 1);
  expect(inkNear(page1, 0.3 * 595.28, 0.4 * 841.89, 28, "red")).toBe(0);
});

test("a second seal adds a second, incremental signature; the first still verifies", async () => {
  await stamp({ sealName: "手写签名（测试）", page: 1, x: 0.7, y: 0.85 });
  await expect(demo.locator('[data-testid="demo-pdf-signature"][data-valid="true"]')).toHaveCount(2, { timeout: 30_000 });
  twiceSigned = await (await desk.request.get("/demo/tender/api/pdf/file")).body();
  expect(twiceSigned.subarray(0, firstSigned.length).equals(firstSigned)).toBe(true);
  const sigs = signaturesOf(twiceSigned);
  expect(sigs).toHaveLength(2);
  expect(sigs[0].byteRange[2] + sigs[0].byteRange[3]).toBe(firstSigned.length);
  expect(sigs[1].byteRange[2] + sigs[1].byteRange[3]).toBe(twiceSigned.length);
  expect(await opensslVerifies(twiceSigned, sigs[0], "again-first")).toEqual({ digestMatches: true, signatureOk: true, chainOk: true });
  expect(await opensslVerifies(twiceSigned, sigs[1], "second")).toEqual({ digestMatches: true, signatureOk: true, chainOk: true });
  const page1 = await render(twiceSigned, 1);
  expect(inkNear(page1, 0.7 * 595.28, 0.85 * 841.89, 40, "dark")).toBeGreaterThan(50);
  const page2 = await render(twiceSigned, 2);
  expect(inkNear(page2, 0.3 * 595.28, 0.4 * 841.89, 28, "red")).toBeGreaterThan(150);
  writeFileSync(file("signed.pdf"), twiceSigned);
  expect(spawnSync("pdfsig", [file("signed.pdf")], { encoding: "utf8" }).stdout).toMatch(/Signature #2/);
});

test("the desk's 验签 page reports both signatures valid, and a changed byte as modified", async ({ browser }) => {
  const ctx = await browser.newContext({ baseURL, locale: "zh-CN", viewport: { width: 1280, height: 1000 } });
  const page = await ctx.newPage();
  await page.goto("/verify");
  await page.getByTestId("verify-file").setInputFiles(file("signed.pdf"));
  await page.getByTestId("verify-submit").click();
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-valid", "true", { timeout: 30_000 });
  await expect(page.getByTestId("verify-signature")).toHaveCount(2);
  await expect(page.getByTestId("verify-revocation").first()).toHaveText("正常");
  await expect(page.getByTestId("verify-seal").first()).toContainText("个人印章（测试）");
  await expect(page.getByTestId("verify-document").first()).toContainText("之后只追加了新的版本");
  await expect(page.getByTestId("verify-document").nth(1)).toContainText("签名覆盖整个文件");
  await page.screenshot({ path: file("verify-ok.png"), fullPage: true });

  // One byte in the first revision's page content changed: both signatures cover it.
  const tampered = Buffer.from(twiceSigned);
  const at = tampered.indexOf("595.28") + 5;
  tampered[at] = tampered[at] === 0x39 ? 0x38 : 0x39;
  writeFileSync(file("tampered.pdf"), tampered);
  await page.getByTestId("verify-file").setInputFiles(file("tampered.pdf"));
  await page.getByTestId("verify-submit").click();
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-valid", "false", { timeout: 30_000 });
  await expect(page.getByTestId("verify-signature").first()).toHaveAttribute("data-reasons", /modified/);
  await expect(page.getByTestId("verify-document").first()).toHaveText("签署后文件已被改动");

  // Not a PDF: refused by content.
  writeFileSync(file("not.pdf"), "hello");
  await page.getByTestId("verify-file").setInputFiles(file("not.pdf"));
  await page.getByTestId("verify-submit").click();
  await expect(page.getByTestId("verify-error")).toHaveText("请上传 PDF 文件");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: file("verify-phone.png"), fullPage: true });

  // The platform API (POST /api/v1/pdf/verify) gives the same report: tests/integration/seals-use.test.ts.
  await ctx.close();
  console.log(`screenshots in ${dir}`);
});

test("骑缝章: the seal in two slices on the right edges of pages 1 and 2, one more signature; all three verify", async () => {
  await stamp({ sealName: "个人印章（测试）", page: 1, x: 0.5, y: 0.5, across: true });
  await expect(demo.locator('[data-testid="demo-pdf-signature"][data-valid="true"]')).toHaveCount(3, { timeout: 30_000 });
  const across = await (await desk.request.get("/demo/tender/api/pdf/file")).body();
  expect(across.subarray(0, twiceSigned.length).equals(twiceSigned)).toBe(true);
  const sigs = signaturesOf(across);
  expect(sigs).toHaveLength(3);
  expect(sigs[2].byteRange[2] + sigs[2].byteRange[3]).toBe(across.length);
  for (const [i, sig] of sigs.entries()) expect(await opensslVerifies(across, sig, `across-${i}`)).toEqual({ digestMatches: true, signatureOk: true, chainOk: true });
  // The 20 mm seal (56.7 pt) in halves of 28.3 pt: red in each page's right-edge strip at half height, nothing
  // just left of the strip (where a whole seal centred on the click would have been).
  for (const page of [1, 2]) {
    const img = await render(across, page);
    const red = inkNear(img, 595.28 - 14, 0.5 * 841.89, 14, "red");
    console.log(`骑缝章 page ${page}: ${red} red px in the edge strip`);
    expect(red, `page ${page}`).toBeGreaterThan(60);
    expect(inkNear(img, 595.28 - 28.35 - 16, 0.5 * 841.89, 14, "red"), `page ${page} left of the strip`).toBe(0);
    expect(inkNear(img, 0.5 * 595.28, 0.5 * 841.89, 28, "red"), `page ${page} at the click`).toBe(0);
  }
  await demo.screenshot({ path: file("demo-across.png"), fullPage: true });
});
