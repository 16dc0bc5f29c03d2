import path from "node:path";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { loginAs } from "./fixtures/auth";
import { consolePage, phoneContext } from "./fixtures/review";
import { downloadEnterpriseCertificate, pixelsOfDataUrl } from "./fixtures/seal-pages";
import { stampPhoto } from "../unit/seals/seal-photos";

// Seals made inside the phone app (issue 14), at 390 px (iPhone 13): the enterprise administrator uploads a
// stamp photo on 企业印章 (/m/org/[orgId]/seals; original and processed side by side, transparent outside the
// ink) and it reaches the console's review queue; on 新增印章 (/m/seals/new) a handwritten signature drawn with
// pointer events on the pad and a generated seal; 撤回审核 of the pending signature from 我的印章.
test.setTimeout(240_000);
test.describe.configure({ mode: "serial" });

const PIN = "285714";
const shot = (testInfo: { outputPath(name: string): string }, name: string) => (process.env.SCREENSHOT_DIR ? path.join(process.env.SCREENSHOT_DIR, name) : testInfo.outputPath(name));
let phoneCtx: BrowserContext;
let phone: Page;
let orgId: string;

test.beforeAll(async ({ browser }) => {
  phoneCtx = await phoneContext(browser);
  await loginAs(phoneCtx);
  const res = await phoneCtx.request.post("/api/dev/fixture-seal-org");
  expect(res.status(), await res.text()).toBe(201);
  const fixture = (await res.json()) as { orderId: string; orgId: string };
  orgId = fixture.orgId;
  // The phone downloads the enterprise certificate (PIN set here): the caller becomes the enterprise's administrator.
  phone = await phoneCtx.newPage();
  await downloadEnterpriseCertificate(phone, fixture.orderId, PIN);
});

test.afterAll(async () => {
  await phoneCtx?.close();
});

test("the administrator makes the company seal on the phone: photo → original and processed side by side → the console's queue", async ({ browser }, testInfo) => {
  expect(phone.viewportSize()?.width).toBe(390);
  await phone.goto(`/m/org/${orgId}`);
  await phone.getByTestId("org-seals-link").click();
  await expect(phone).toHaveURL(new RegExp(`/m/org/${orgId}/seals$`));
  await expect(phone.getByTestId("seal-awaiting")).toBeVisible(); // the paid 同时办理电子印章 asks for the stamp
  const orgName = (await phone.locator("p").filter({ hasText: /印章测试/ }).first().textContent())!.trim();
  await phone.waitForLoadState("networkidle");
  const maker = phone.getByTestId("seal-maker-org");
  await expect(maker.getByTestId("seal-camera")).toHaveAttribute("capture", "environment");
  await maker.getByTestId("seal-kind").selectOption("OFFICIAL");
  await maker.getByTestId("seal-file").setInputFiles({ name: "stamp.jpg", mimeType: "image/jpeg", buffer: await stampPhoto({ seed: Date.now() % 1000 }) });
  await maker.getByTestId("seal-preview").click();
  await expect(maker.getByTestId("seal-compare")).toBeVisible({ timeout: 30_000 });
  const processed = await pixelsOfDataUrl((await maker.getByTestId("seal-processed").getAttribute("src"))!);
  expect([processed.width, processed.height]).toEqual([400, 400]);
  for (const [x, y] of [[0, 0], [399, 0], [0, 399], [399, 399], [200, 110]] as const) expect(processed.alpha(x, y), `${x},${y}`).toBe(0);
  expect(processed.alpha(200, 200)).toBeGreaterThan(200);
  // Side by side fits the phone: the two pictures are inside the 390 px viewport.
  for (const fig of await maker.getByTestId("seal-compare").locator("figure").all()) {
    const box = (await fig.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  await phone.screenshot({ path: shot(testInfo, "phone-org-seal-preview.png"), fullPage: true });
  await maker.getByTestId("seal-submit").click();
  await expect(maker.getByTestId("seal-done")).toHaveText("已提交，等待 CA 审核。", { timeout: 30_000 });
  await expect(phone.getByTestId("phone-seal").filter({ hasText: "公章" }).filter({ hasText: "审核中" })).toHaveCount(1);
  await phone.screenshot({ path: shot(testInfo, "phone-org-seals.png"), fullPage: true });

  // The CA's console lists it for review, with original and processed.
  const console = await consolePage(browser);
  await console.goto("/console/seals");
  const row = console.getByRole("row").filter({ hasText: orgName }).filter({ hasText: "公章" });
  await expect(row).toHaveCount(1);
  await row.getByTestId("seal-review-open").click();
  await expect(console.getByTestId("seal-review-compare")).toBeVisible();
  // 驳回 with a reason: the administrator reads it on the phone and sends a new photo (补章), back in review.
  await console.waitForLoadState("networkidle");
  await console.getByTestId("seal-reject").click();
  await console.getByTestId("seal-reject-reason").fill("印迹偏淡，请重新盖章后拍摄");
  await console.getByTestId("seal-reject").click();
  await expect(console.getByTestId("seal-decision")).toHaveCount(0, { timeout: 30_000 });
  await expect(console.getByText("印迹偏淡，请重新盖章后拍摄")).toBeVisible();
  await console.context().close();
  await phone.reload();
  const rejected = phone.getByTestId("phone-seal").filter({ hasText: "公章" }).filter({ hasText: "已驳回" });
  await expect(rejected).toContainText("印迹偏淡，请重新盖章后拍摄");
  await expect(rejected.getByTestId("seal-upload")).toHaveText("补章（重新上传）");
  await phone.waitForLoadState("networkidle");
  await rejected.getByTestId("seal-upload").locator("input").setInputFiles({ name: "stamp2.jpg", mimeType: "image/jpeg", buffer: await stampPhoto({ seed: (Date.now() % 997) + 1 }) });
  await expect(phone.getByTestId("phone-seal").filter({ hasText: "公章" }).filter({ hasText: "审核中" })).toHaveCount(1, { timeout: 30_000 });
  await expect(phone.getByTestId("phone-seal").filter({ hasText: "已驳回" })).toHaveCount(0);
});

test("personal seals on the phone: a signature drawn on the pad (review, then withdrawn from 我的印章) and a generated seal at once; the count", async ({}, testInfo) => {
  await phone.goto("/m/seals");
  await expect(phone.getByTestId("phone-seal-count")).toHaveText("个人印章 0/3 枚");
  await phone.getByTestId("phone-seal-add").click();
  await expect(phone).toHaveURL(/\/m\/seals\/new$/);
  await phone.waitForLoadState("networkidle");
  const maker = phone.getByTestId("seal-maker-personal");
  await maker.getByTestId("seal-source").selectOption("HANDWRITTEN");
  const pad = maker.getByTestId("signature-pad");
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(390);
  // Pointer events: a wavy stroke across the pad, then a second short one.
  await phone.mouse.move(box.x + 20, box.y + 110);
  await phone.mouse.down();
  for (let i = 0; i <= 30; i++) await phone.mouse.move(box.x + 20 + i * ((box.width - 40) / 30), box.y + 100 + Math.sin(i / 3) * 45, { steps: 2 });
  await phone.mouse.up();
  await phone.mouse.move(box.x + 80, box.y + 50);
  await phone.mouse.down();
  await phone.mouse.move(box.x + 150, box.y + 160, { steps: 10 });
  await phone.mouse.up();
  await maker.getByTestId("seal-preview").click();
  await expect(maker.getByTestId("seal-compare")).toBeVisible({ timeout: 30_000 });
  const signature = await pixelsOfDataUrl((await maker.getByTestId("seal-processed").getAttribute("src"))!);
  expect(signature.width).toBe(600);
  expect(signature.alpha(0, 0)).toBe(0);
  await phone.screenshot({ path: shot(testInfo, "phone-new-seal-pad.png"), fullPage: true });
  await maker.getByTestId("seal-submit").click();
  await expect(maker.getByTestId("seal-done")).toHaveText("已提交，等待 CA 审核。", { timeout: 30_000 });
  await expect(phone.getByTestId("phone-seal-count")).toHaveText("个人印章 1/3 枚");

  await maker.getByTestId("seal-source").selectOption("GENERATED");
  await maker.getByTestId("seal-submit").click();
  await expect(maker.getByTestId("seal-done")).toHaveText("印章已生效。", { timeout: 30_000 });
  await expect(phone.getByTestId("phone-seal-count")).toHaveText("个人印章 2/3 枚");
  await phone.screenshot({ path: shot(testInfo, "phone-new-seal.png"), fullPage: true });

  // 我的印章: both under the certificate; the pending signature withdrawn here (撤回审核) frees its place.
  await phone.getByTestId("phone-seal-back").click();
  await expect(phone).toHaveURL(/\/m\/seals$/);
  await expect(phone.getByTestId("phone-seal").filter({ hasText: "个人印章" }).filter({ hasText: "已生效" })).toHaveCount(1);
  const pending = phone.getByTestId("phone-seal").filter({ hasText: "手写签名" }).filter({ hasText: "审核中" });
  await expect(pending).toHaveCount(1);
  await phone.waitForLoadState("networkidle");
  await phone.screenshot({ path: shot(testInfo, "phone-seals-list.png"), fullPage: true });
  await pending.getByTestId("seal-cancel").click();
  await pending.getByTestId("seal-cancel-confirm").click();
  await expect(phone.getByTestId("phone-seal").filter({ hasText: "手写签名" }).filter({ hasText: "已撤回" })).toHaveCount(1, { timeout: 30_000 });
  await expect(phone.getByTestId("phone-seal-count")).toHaveText("个人印章 1/3 枚");

  // Two more generated seals fill the three places: 新增印章 then says so instead of offering the form.
  await phone.getByTestId("phone-seal-add").click();
  await phone.waitForLoadState("networkidle");
  for (const count of [2, 3]) {
    await phone.getByTestId("seal-maker-personal").getByTestId("seal-source").selectOption("GENERATED");
    await phone.getByTestId("seal-maker-personal").getByTestId("seal-submit").click();
    await expect(phone.getByTestId("phone-seal-count")).toHaveText(`个人印章 ${count}/3 枚`, { timeout: 30_000 });
  }
  await expect(phone.getByTestId("phone-seal-full")).toHaveText("您已有 3 枚个人印章（含审核中和已驳回的），请先删除不用的印章再新增。");
  await expect(phone.getByTestId("seal-maker-personal")).toHaveCount(0);
  await phone.screenshot({ path: shot(testInfo, "phone-new-seal-full.png"), fullPage: true });

  // 删除 a generated seal in 我的印章: its place is free again and 新增印章 offers the form.
  await phone.goto("/m/seals");
  await phone.waitForLoadState("networkidle");
  const generated = phone.getByTestId("phone-seal").filter({ hasText: "个人印章" }).filter({ hasText: "已生效" }).first();
  const removedId = (await generated.getAttribute("data-seal-id"))!;
  await generated.getByTestId("seal-remove").click();
  await generated.getByTestId("seal-remove-confirm").click();
  await expect(phone.locator(`[data-testid="phone-seal"][data-seal-id="${removedId}"]`)).toHaveCount(0, { timeout: 30_000 });
  await expect(phone.getByTestId("phone-seal-count")).toHaveText("个人印章 2/3 枚");
  await phone.getByTestId("phone-seal-add").click();
  await expect(phone.getByTestId("seal-maker-personal")).toBeVisible();
});
