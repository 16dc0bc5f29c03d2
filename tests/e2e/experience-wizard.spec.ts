import path from "node:path";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { loginAs, uniquePhone } from "./fixtures/auth";
import { phoneContext } from "./fixtures/review";
import { TINY_PNG, field, settle, uniqueIdNumber } from "./wizard-helpers";

// Issue 18's friction on the individual wizard (desk at 1280 px; 订单管理 on a 390 px phone): 开始办理 twice
// opens one draft; the start page's duration follows the channel (the demo channel auto-approves
// individuals); 保存并继续 shows the identity check running and passing; the materials step names what is
// missing and marks those cards.

const expect = baseExpect.configure({ timeout: 30_000 });
const shotPath = (name: string) => (process.env.SCREENSHOT_DIR ? path.join(process.env.SCREENSHOT_DIR, name) : test.info().outputPath(name));

/** Records every data-phase the check-progress status takes (the page stays: the wizard moves on client-side). */
async function watchCheckPhases(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __phases: string[] }).__phases = seen;
    new MutationObserver(() => {
      const el = document.querySelector("[data-testid=check-progress]");
      const entry = el ? `${el.getAttribute("data-phase")}:${el.textContent}` : "";
      if (el && seen.at(-1) !== entry) seen.push(entry);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

test("individual wizard: one draft for two 开始办理, the check's progress and 核验通过, the missing materials named and marked", async ({ page, context }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await loginAs(context);
  await page.goto("/apply/individual");
  await expect(page.getByTestId("duration-note")).toContainText("支付后自动审核通过");
  await page.getByTestId("start").click();
  await settle(page, /\/apply\/individual\/[^/]+\/method$/);
  const orderId = page.url().split("/")[5]!;
  // Back and 开始办理 again: the same, still empty draft.
  await page.goto("/apply/individual");
  await page.getByTestId("start").click();
  await settle(page, /\/method$/);
  expect(page.url().split("/")[5]).toBe(orderId);

  await page.getByTestId("method-PHONE3").check();
  await page.getByTestId("agree").check();
  await page.getByTestId("next").click();
  await settle(page, /\/person$/);
  await field(page, "name").fill("孙个人");
  await field(page, "idNumber").fill(uniqueIdNumber());
  await field(page, "phone").fill(uniquePhone());
  await field(page, "email").fill("sun@example.com");
  await watchCheckPhases(page);
  await page.getByTestId("next").click();
  await settle(page, /\/goods$/);
  const phases = await page.evaluate(() => (window as unknown as { __phases: string[] }).__phases);
  expect(phases).toContain("checking:正在核验（手机号三要素），请稍候…");
  expect(phases).toContain("passed:✓ 核验通过，正在进入下一步");
  expect(phases.indexOf("checking:正在核验（手机号三要素），请稍候…")).toBeLessThan(phases.indexOf("passed:✓ 核验通过，正在进入下一步"));

  await page.getByTestId("next").click();
  await settle(page, /\/confirm$/);
  await page.getByTestId("confirm").click();
  await settle(page, /\/materials$/);
  // Nothing uploaded: the message names both sides of the ID card (and no authorization letter), both cards are marked.
  await page.getByTestId("next").click();
  await expect(page.getByTestId("form-error")).toHaveText("还缺：身份证人像面、身份证国徽面。请在标红的位置补齐后再继续。");
  await expect(page.getByTestId("material-ID_FRONT")).toHaveAttribute("data-missing", "true");
  await expect(page.getByTestId("material-ID_BACK")).toHaveAttribute("data-missing", "true");
  await expect(page.getByTestId("material-ID_BACK-error")).toHaveText("还未上传，请上传此材料");
  await page.screenshot({ path: shotPath("materials-missing-1280.png"), fullPage: true });
  // One uploaded: its mark goes, the other stays and is the only one named.
  await page.getByTestId("material-ID_FRONT").locator('input[type="file"]').setInputFiles({ name: "id.png", mimeType: "image/png", buffer: TINY_PNG });
  await expect(page.getByTestId("material-ID_FRONT")).toContainText("id.png");
  await expect(page.getByTestId("material-ID_FRONT")).not.toHaveAttribute("data-missing", "true");
  await expect(page.getByTestId("form-error")).toHaveText("还缺：身份证国徽面。请在标红的位置补齐后再继续。");
  await page.getByTestId("next").click();
  await expect(page.getByTestId("material-ID_BACK")).toHaveAttribute("data-missing", "true");
  await expect(page).toHaveURL(/\/materials$/);
});

test("phone 订单管理: the status tabs scroll sideways with a › while more are hidden; the current tab is in view", async ({ browser }) => {
  const phone = await phoneContext(browser);
  await loginAs(phone);
  const page = await phone.newPage();
  await page.goto("/orders");
  await settle(page);
  const more = page.getByTestId("order-tabs-more");
  await expect(more).toBeVisible();
  await page.screenshot({ path: shotPath("orders-tabs-phone-390.png") });
  const row = page.getByTestId("order-tabs");
  await more.click();
  await expect.poll(() => row.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  // The last tab opened directly: scrolled into view, nothing more to the right, so no hint.
  await page.goto("/orders?tab=cancelled");
  await settle(page);
  const box = (await page.getByTestId("tab-cancelled").boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await expect(more).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.close();
});

test("the home page's step 4 follows the desk channel's rule (the demo channel auto-approves individuals)", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("landing-step-4")).toHaveText("个人证书实名核验通过的，支付后自动审核通过；单位证书 CA 审核一般需 3–5 个工作日。通过后在手机 App 设置 PIN 码并下载证书。");
});
