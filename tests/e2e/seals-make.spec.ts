import path from "node:path";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import sharp from "sharp";
import { parseSesSeal, verifySesSeal } from "../../lib/pki/ses-seal";
import { readCertificatePublicKey } from "../../lib/pki/x509/certificate-public-key";
import { derFromPemOrDer } from "../../lib/pki/pem-blocks";
import { loginAs } from "./fixtures/auth";
import { consolePage, phoneContext } from "./fixtures/review";
import { downloadEnterpriseCertificate, pixelsOfDataUrl } from "./fixtures/seal-pages";
import { stampPhoto } from "../unit/seals/seal-photos";

// Electronic seals, part 1 (issue 14): an enterprise administrator uploads a photo of a red stamp on
// textured, noisy paper; the processed PNG is transparent outside the ink; the CA approves in the console;
// the seal is APPROVED with an SES_Seal that verifies under the issuing CA's key — downloaded on the phone
// only with the certificate's PIN. Then personal seals: a handwritten signature drawn with pointer events
// on the pad, a generated seal, and the cap of three.
test.setTimeout(300_000);
test.describe.configure({ mode: "serial" });

const PIN = "285714";
/** Screenshots of the pages this spec visits (SCREENSHOT_DIR, else the test's output folder). */
const shot = (testInfo: { outputPath(name: string): string }, name: string) => (process.env.SCREENSHOT_DIR ? path.join(process.env.SCREENSHOT_DIR, name) : testInfo.outputPath(name));
let desk: BrowserContext;
let deskPage: Page;
let phoneCtx: BrowserContext;
let phone: Page;
let orgId: string;
let orgName: string;

test.beforeAll(async ({ browser }) => {
  desk = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
  await loginAs(desk);
  // The same account on the phone (one SMS code a minute per number: the session cookie is shared instead).
  phoneCtx = await phoneContext(browser);
  await phoneCtx.addCookies(await desk.cookies());
  const res = await desk.request.post("/api/dev/fixture-seal-org");
  expect(res.status(), await res.text()).toBe(201);
  const fixture = (await res.json()) as { orderId: string; orgId: string };
  orgId = fixture.orgId;
  // The phone downloads the enterprise certificate (PIN set here): the caller becomes the enterprise's administrator.
  phone = await phoneCtx.newPage();
  await downloadEnterpriseCertificate(phone, fixture.orderId, PIN);
  deskPage = await desk.newPage();
});

test.afterAll(async () => {
  await desk?.close();
  await phoneCtx?.close();
});

test("the administrator uploads a stamp photo: processed transparent outside the ink, reviewed, approved with a verifying SES_Seal, downloaded with the PIN", async ({ browser }, testInfo) => {
  await deskPage.goto(`/org/${orgId}/seals`);
  await expect(deskPage.getByTestId("seal-awaiting")).toBeVisible(); // the paid 同时办理电子印章 asks for the stamp
  orgName = (await deskPage.getByRole("link", { name: /印章测试/ }).first().textContent())!.trim();
  await deskPage.waitForLoadState("networkidle");
  const maker = deskPage.getByTestId("seal-maker-org");
  await maker.getByTestId("seal-kind").selectOption("OFFICIAL");
  await maker.getByTestId("seal-file").setInputFiles({ name: "stamp.jpg", mimeType: "image/jpeg", buffer: await stampPhoto({ seed: Date.now() % 1000 }) });
  await maker.getByTestId("seal-preview").click();
  await expect(maker.getByTestId("seal-compare")).toBeVisible({ timeout: 30_000 });
  const processed = await pixelsOfDataUrl((await maker.getByTestId("seal-processed").getAttribute("src"))!);
  expect([processed.width, processed.height]).toEqual([400, 400]);
  // Outside the ink: alpha 0 (corners, the ring's outside, between ring and star); the star in the middle is ink.
  for (const [x, y] of [[0, 0], [399, 0], [0, 399], [399, 399], [200, 110], [120, 200]] as const) expect(processed.alpha(x, y), `${x},${y}`).toBe(0);
  expect(processed.alpha(200, 200)).toBeGreaterThan(200);
  await deskPage.screenshot({ path: shot(testInfo, "org-seals-preview.png"), fullPage: true });
  await maker.getByTestId("seal-submit").click();
  await expect(maker.getByTestId("seal-done")).toBeVisible({ timeout: 30_000 });

  // The CA's console: the queue, the detail with both pictures, approve.
  const console = await consolePage(browser);
  await console.goto("/console/seals");
  const row = console.getByRole("row").filter({ hasText: orgName }).filter({ hasText: "公章" }).first();
  await row.getByTestId("seal-review-open").click();
  await expect(console.getByTestId("seal-review-compare")).toBeVisible();
  await console.waitForLoadState("networkidle");
  await console.screenshot({ path: shot(testInfo, "console-seal.png"), fullPage: true });
  await console.getByTestId("seal-approve").click();
  await expect(console.getByTestId("seal-esid")).toBeVisible({ timeout: 30_000 });
  const esId = (await console.getByTestId("seal-esid").textContent())!.trim();
  await console.context().close();

  // 我的印章 on the phone: listed under the certificate; a wrong PIN is refused, the right one gives the files.
  await phone.goto("/m/seals");
  const card = phone.getByTestId("phone-seal").filter({ hasText: "公章" }).filter({ hasText: "已生效" }).first();
  await expect(card).toBeVisible();
  await phone.screenshot({ path: shot(testInfo, "phone-seals.png"), fullPage: true });
  await phone.waitForLoadState("networkidle");
  await card.getByTestId("seal-download").click();
  await card.getByTestId("seal-pin").fill("000000");
  await card.getByTestId("seal-pin-confirm").click();
  await expect(card.getByTestId("seal-pin-error")).toBeVisible({ timeout: 30_000 });
  await expect(card.getByTestId("seal-save-ses")).toHaveCount(0);
  await card.getByTestId("seal-pin").fill(PIN);
  await card.getByTestId("seal-pin-confirm").click();
  await expect(card.getByTestId("seal-downloaded")).toBeVisible({ timeout: 30_000 });
  const ses = Buffer.from((await card.getByTestId("seal-save-ses").getAttribute("href"))!.split(",")[1]!, "base64");
  const index = (await (await desk.request.get("/pki/ca")).json()) as { cas: Array<{ kind: string; certificateUrl: string }> };
  const issuing = index.cas.find((c) => c.kind === "ISSUING")!;
  const caBody = Buffer.from(await (await desk.request.get(issuing.certificateUrl)).body());
  const caDer = derFromPemOrDer(caBody.subarray(0, 5).toString() === "-----" ? caBody.toString("utf8") : new Uint8Array(caBody), "CERTIFICATE");
  const check = verifySesSeal(ses, { makerPublicKey: readCertificatePublicKey(caDer), at: new Date() });
  expect(check.ok, JSON.stringify(check)).toBe(true);
  const parsed = parseSesSeal(ses);
  expect(parsed.info.esId).toBe(esId);
  expect(parsed.info.name).toContain("公章");
  const picture = await sharp(Buffer.from(parsed.info.picture.data)).ensureAlpha().raw().toBuffer();
  expect(picture[3]).toBe(0);
});

test("personal seals: a handwritten signature drawn on the pad, a generated seal approved at once, at most three", async ({}, testInfo) => {
  await deskPage.goto("/seals");
  await deskPage.waitForLoadState("networkidle");
  const maker = deskPage.getByTestId("seal-maker-personal");
  await maker.getByTestId("seal-source").selectOption("HANDWRITTEN");
  const pad = maker.getByTestId("signature-pad");
  // The mouse API does not scroll: bring the whole pad into the viewport first.
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  // A signature in pointer events: press, a wavy stroke, release; then a second stroke.
  await deskPage.mouse.move(box.x + 40, box.y + 120);
  await deskPage.mouse.down();
  for (let i = 0; i <= 40; i++) await deskPage.mouse.move(box.x + 40 + i * 12, box.y + 100 + Math.sin(i / 3) * 50, { steps: 2 });
  await deskPage.mouse.up();
  await deskPage.mouse.move(box.x + 120, box.y + 60);
  await deskPage.mouse.down();
  await deskPage.mouse.move(box.x + 200, box.y + 170, { steps: 10 });
  await deskPage.mouse.up();
  await maker.getByTestId("seal-preview").click();
  await expect(maker.getByTestId("seal-compare")).toBeVisible({ timeout: 30_000 });
  const signature = await pixelsOfDataUrl((await maker.getByTestId("seal-processed").getAttribute("src"))!);
  expect(signature.width).toBe(600);
  expect(signature.alpha(0, 0)).toBe(0);
  // Both strokes are in the picture: the wavy one spans the width (ink near both ends), not only the short diagonal.
  const inkIn = (x0: number, x1: number) => {
    let n = 0;
    for (let y = 0; y < signature.height; y++) for (let x = x0; x < x1; x++) if (signature.alpha(x, y) > 0) n++;
    return n;
  };
  expect(inkIn(0, 100)).toBeGreaterThan(50);
  expect(inkIn(500, 600)).toBeGreaterThan(50);
  await maker.getByTestId("seal-submit").click();
  await expect(maker.getByTestId("seal-done")).toHaveText("已提交，等待 CA 审核。", { timeout: 30_000 });

  await maker.getByTestId("seal-source").selectOption("GENERATED");
  await maker.getByTestId("seal-submit").click();
  await expect(maker.getByTestId("seal-done")).toHaveText("印章已生效。", { timeout: 30_000 });
  await expect(deskPage.getByRole("row").filter({ hasText: "个人印章" }).filter({ hasText: "已生效" })).toHaveCount(1);
  await expect(deskPage.getByRole("row").filter({ hasText: "手写签名" }).filter({ hasText: "审核中" })).toHaveCount(1);

  // The third is accepted, the fourth refused with the cap's reason.
  await maker.getByTestId("seal-submit").click();
  await expect(deskPage.getByRole("row").filter({ hasText: "个人印章" }).filter({ hasText: "已生效" })).toHaveCount(2, { timeout: 30_000 });
  await maker.getByTestId("seal-submit").click();
  await expect(maker.getByTestId("seal-error")).toHaveText("每人最多 3 枚个人印章，请先删除不用的印章", { timeout: 30_000 });
  await expect(deskPage.getByRole("row").filter({ hasText: "李印章" })).toHaveCount(3);
  await deskPage.screenshot({ path: shot(testInfo, "desk-seals.png"), fullPage: true });
});
