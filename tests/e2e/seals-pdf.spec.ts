import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { devices, expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import sharp from "sharp";
import { applicantWithOrder, approveInConsole, consolePage, downloadOnPhone } from "./fixtures/review";
import { launchPhoneBrowser, writeQrY4m } from "./scan-camera";
import { DIST_ID, extractCmsSignedAttributes, isVerifiedByPkeyutl, openssl, opensslOk, publicKeyOf } from "../unit/pki/openssl-helpers";

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

async function enterPin(page: Page, pin: string) {
  for (const d of pin) await page.getByTestId(`key-${d}`).click();
}

/** The demo's QR, read by the phone's scanner through the fake camera, opens the confirmation. */
async function scanDemoQr() {
  const qr = demo.getByTestId("demo-qr");
  await expect(qr).toBeVisible({ timeout: 30_000 });
  writeQrY4m(y4m, (await qr.getAttribute("data-qr-content"))!);
  await phone.goto("/m/scan");
  await expect(phone).toHaveURL(/\/m\/s\/[A-Za-z0-9_-]+$/, { timeout: 30_000 });
  await expect(phone.getByTestId("scan-confirm")).toBeVisible({ timeout: 30_000 });
  await phone.waitForLoadState("networkidle");
}

async function bidPdf() {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const n of [1, 2]) doc.addPage([595.28, 841.89]).drawText(`Tender bid, page ${n} (${Date.now()})`, { x: 72, y: 760, size: 16, font });
  return Buffer.from(await doc.save());
}

type Sig = { byteRange: number[]; cms: Buffer };

/** Every /ByteRange with its /Contents, read from the bytes (independently of the app's reader). */
function signaturesOf(pdf: Buffer): Sig[] {
  const text = pdf.toString("latin1");
  return [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].map((m) => {
    const byteRange = m.slice(1, 5).map(Number);
    const hex = text.slice(byteRange[1] + 1, byteRange[2] - 1);
    const raw = Buffer.from(hex, "hex");
    // DER length of the CMS SEQUENCE (long form), without the zero padding.
    const n = raw[1] & 0x7f;
    const len = raw[1] < 0x80 ? 2 + raw[1] : 2 + n + raw.subarray(2, 2 + n).reduce((a, b) => a * 256 + b, 0);
    return { byteRange, cms: raw.subarray(0, len) };
  });
}

/** OpenSSL: messageDigest = SM3 of the /ByteRange bytes, signed attributes verify, signer chains to the desk's CA. */
async function opensslVerifies(pdf: Buffer, sig: Sig, name: string) {
  const [a, b, c, d] = sig.byteRange;
  writeFileSync(file(`${name}.bin`), Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]));
  writeFileSync(file(`${name}.p7s`), sig.cms);
  const digest = opensslOk(["dgst", "-sm3", "-r", file(`${name}.bin`)]).split(" ")[0];
  const attrs = extractCmsSignedAttributes(file(`${name}.p7s`));
  opensslOk(["pkcs7", "-inform", "DER", "-in", file(`${name}.p7s`), "-print_certs", "-out", file(`${name}-signer.pem`)]);
  const signatureOk = isVerifiedByPkeyutl(publicKeyOf(file(`${name}-signer.pem`)), attrs.tbs, attrs.sig);
  const index = (await (await desk.request.get("/pki/ca")).json()) as { cas: Array<{ kind: string; certificateUrl: string }> };
  for (const kind of ["ROOT", "ISSUING"]) {
    const der = await (await desk.request.get(index.cas.find((x) => x.kind === kind)!.certificateUrl)).body();
    writeFileSync(file(`${kind}.der`), der);
    opensslOk(["x509", "-inform", "DER", "-in", file(`${kind}.der`), "-out", file(`${kind}.pem`)]);
  }
  const leafOk = openssl(["verify", "-vfyopt", `distid:${DIST_ID}`, "-partial_chain", "-CAfile", file("ISSUING.pem"), file(`${name}-signer.pem`)]).status === 0;
  const caOk = openssl(["verify", "-vfyopt", `distid:${DIST_ID}`, "-CAfile", file("ROOT.pem"), file("ISSUING.pem")]).status === 0;
  return { digestMatches: attrs.messageDigestHex === digest, signatureOk, chainOk: leafOk && caOk };
}

/** Page `page` (1-based) rendered by poppler at 72 dpi: 1 pixel = 1 point. */
async function render(pdf: Buffer, page: number) {
  writeFileSync(file("render.pdf"), pdf);
  const run = spawnSync("pdftoppm", ["-png", "-r", "72", "-f", String(page), "-l", String(page), "-singlefile", file("render.pdf"), file("render")]);
  expect(run.status, String(run.stderr)).toBe(0);
  return sharp(readFileSync(file("render.png"))).raw().toBuffer({ resolveWithObject: true });
}

/** How many seal-coloured (red, or dark for a signature) pixels lie within `r` points of (x, y) from the top left. */
function inkNear(img: { data: Buffer; info: { width: number; height: number; channels: number } }, x: number, y: number, r: number, ink: "red" | "dark") {
  let n = 0;
  for (let py = Math.max(0, Math.round(y - r)); py < Math.min(img.info.height, Math.round(y + r)); py++) {
    for (let px = Math.max(0, Math.round(x - r)); px < Math.min(img.info.width, Math.round(x + r)); px++) {
      const i = (py * img.info.width + px) * img.info.channels;
      const [R, G, B] = [img.data[i], img.data[i + 1], img.data[i + 2]];
      if (ink === "red" ? R > 150 && G < 100 && B < 100 : R < 90 && G < 90 && B < 110) n++;
    }
  }
  return n;
}

async function stamp({ sealName, page, x, y }: { sealName: string; page: number; x: number; y: number }) {
  await demo.getByTestId("demo-pdf-seal").filter({ hasText: sealName }).locator("input").check();
  for (;;) {
    const shown = Number(/第 (\d+) \//.exec((await demo.getByTestId("demo-pdf-page").textContent()) ?? "")?.[1]);
    if (shown === page) break;
    await (shown < page ? demo.getByTestId("demo-pdf-next") : demo.getByRole("button", { name: "上一页" })).click();
  }
  const canvas = demo.getByTestId("demo-pdf-canvas");
  await expect(canvas.locator("img")).toHaveJSProperty("complete", true);
  const box = (await canvas.boundingBox())!;
  await canvas.click({ position: { x: box.width * x, y: box.height * y } });
  await demo.getByTestId("demo-pdf-stamp").click();
  await scanDemoQr();
  // The platform named the seal it placed: the phone offers that one only, and no "no seal".
  await expect(phone.getByTestId("scan-seal")).toHaveCount(1);
  await expect(phone.getByTestId("scan-seal")).toContainText(sealName);
  await expect(phone.getByTestId("scan-seal-none")).toHaveCount(0);
  await expect(phone.getByText("您还没有可用的电子印章")).toHaveCount(0);
  await phone.screenshot({ path: file(`phone-confirm-${page}.png`) });
  await enterPin(phone, PIN);
  await expect(phone.getByTestId("scan-result")).toHaveAttribute("data-outcome", "done", { timeout: 60_000 });
}

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
  await demo.goto("/demo/tender");
  await demo.waitForLoadState("networkidle");
  await demo.getByTestId("demo-login-start").click();
  await scanDemoQr();
  await enterPin(phone, PIN);
  await expect(demo.getByTestId("demo-logged-in")).toBeVisible({ timeout: 30_000 });
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

  // The platform API answers the same.
  await ctx.close();
  console.log(`screenshots in ${dir}`);
});
