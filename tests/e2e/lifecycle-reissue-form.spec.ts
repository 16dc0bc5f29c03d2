// 证书补办 with the stamped 补办申请表 (Channel.reissueNeedsForm), in Chromium at 390 px: the admin turns the
// demo channel's switch on in the console; a holder's "new phone" (a fresh context, no keys) passes the
// holder check and is asked for the form instead of going to review; it downloads the PDF, uploads a
// scan through the materials uploader and the order goes to review. The desk's /unlock points to 补办
// on the new phone. Screenshots go to SCREENSHOT_DIR (or the test's output folder).
import { readFileSync } from "node:fs";
import path from "node:path";
import { devices, expect, test, type Page } from "@playwright/test";
import { setChannelSwitch } from "./fixtures/org";
import { holderWithCertificate, phoneContext } from "./fixtures/review";
import { settle } from "./wizard-helpers";

test.setTimeout(600_000);

const shot = (page: Page, name: string) =>
  page.screenshot({ path: process.env.SCREENSHOT_DIR ? path.join(process.env.SCREENSHOT_DIR, name) : test.info().outputPath(name), fullPage: true });
const SCAN = readFileSync(path.join(import.meta.dirname, "../fixtures/sample-photo.jpg"));

const shotPath = (name: string) => (process.env.SCREENSHOT_DIR ? path.join(process.env.SCREENSHOT_DIR, name) : test.info().outputPath(name));
// This spec's own channel: the switch on the demo channel would send every other spec's reissue to the form step.
const CHANNEL = "e2e-reissue-form";

test("补办申请表: the reissue waits for the stamped form, the upload sends it to review; the desk points to /m", async ({ browser }) => {
  const oldCtx = await phoneContext(browser);
  const holder = await holderWithCertificate(browser, oldCtx, { channel: CHANNEL });
  await setChannelSwitch(browser, `测试渠道 ${CHANNEL}`, "reissue-needs-form", true, shotPath("reissue-form-channel-switch.png"));
  const { defaultBrowserType: _ignored, ...iphone } = devices["iPhone 13"];
  const newCtx = await browser.newContext({ ...iphone, locale: "zh-CN", storageState: { cookies: await oldCtx.cookies(), origins: [] } });
  const page = await newCtx.newPage();
  await page.goto(`/m/reissue/${holder.certId}`);
  await settle(page);
  await page.getByTestId("reissue-name").fill("张三");
  await page.getByTestId("reissue-id-number").fill(holder.order.idNumber);
  await shot(page, "phone-reissue-identity.png");
  await page.getByTestId("reissue-start").click();
  await expect(page.getByTestId("reissue-status")).toHaveText("请上传签字盖章的补办申请表", { timeout: 30_000 });
  await expect(page.getByTestId("reissue-form-step")).toBeVisible();
  await shot(page, "phone-reissue-form-step.png");

  const pdf = await page.request.get((await page.getByTestId("reissue-form-download").getAttribute("href"))!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  await page.getByTestId("material-REISSUE_FORM").locator('input[type="file"]').setInputFiles({ name: "补办申请表.jpg", mimeType: "image/jpeg", buffer: SCAN });
  await expect(page.getByTestId("reissue-status")).toHaveText("已提交，等待 CA 审核", { timeout: 30_000 });
  await shot(page, "phone-reissue-form-submitted.png");

  // The console's review page shows the form with the order's materials.
  const no = (await page.getByTestId("reissue-no").getAttribute("data-no"))!;
  await holder.console.goto("/console/reviews");
  await holder.console.goto((await holder.console.getByRole("link", { name: no }).getAttribute("href"))!);
  await expect(holder.console.getByTestId("material-REISSUE_FORM")).toBeVisible({ timeout: 60_000 });
  await shot(holder.console, "console-review-reissue-form.png");

  // The desk: /unlock's 手机丢失或更换 card says it is done on the new phone at /m.
  const desk = await newCtx.newPage();
  await desk.goto("/unlock");
  await expect(desk.getByTestId("unlock-reissue")).toContainText("/m");
  await shot(desk, "desk-unlock-reissue-390.png");
  await desk.setViewportSize({ width: 1280, height: 900 });
  await shot(desk, "desk-unlock-reissue-1280.png");
  await newCtx.close();
  await oldCtx.close();
});
