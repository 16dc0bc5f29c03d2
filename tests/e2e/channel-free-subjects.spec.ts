import { expect, test } from "@playwright/test";
import { DEMO } from "./fixtures/auth";
import { checkPage } from "./fixtures/page-checks";
import { consolePage } from "./fixtures/review";
import { settle, uniqueUscc } from "./wizard-helpers";

// Issue 18, 免费条件 managed in the console: the channel page's free list (a random unit, added and removed
// again, so the demo channel is left as it was; the quote's effect is tests/integration/channels-free-subjects).
test("免费条件: a CA admin adds a free unit to a channel and removes it", async ({ browser }) => {
  const page = await consolePage(browser, DEMO.admin);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/console/channels");
  await settle(page);
  await page.goto((await page.getByRole("row").filter({ hasText: "演示渠道" }).locator('a[href^="/console/channels/"]').first().getAttribute("href"))!);
  await settle(page);
  // The channel's rules, 审核通过后支付 among them (tests/integration/orders-pay-after-approval).
  await expect(page.getByTestId("pay-after-approval")).not.toBeChecked();
  await page.screenshot({ path: test.info().outputPath("console-channel.png"), fullPage: true });
  const uscc = uniqueUscc();
  await page.getByTestId("free-subject-key").fill("123");
  await page.getByTestId("free-subject-note").fill("交易中心协议 2026-01");
  await page.getByTestId("free-subject-add").click();
  await expect(page.getByTestId("free-subject-form")).toContainText("请填写正确的统一社会信用代码或 18 位身份证号");
  await page.getByTestId("free-subject-key").fill(uscc);
  await page.getByTestId("free-subject-add").click();
  await expect(page.getByTestId("free-subjects-notice")).toHaveText(`已添加 ${uscc}`);
  const row = page.getByTestId("free-subject").filter({ hasText: uscc });
  await expect(row).toContainText("交易中心协议 2026-01");
  await page.locator("#free-subjects").screenshot({ path: test.info().outputPath("console-free-subjects.png") });
  await checkPage(page, "console-channel");
  await row.getByTestId("free-subject-remove").click();
  await expect(page.getByTestId("free-subjects-notice")).toHaveText(`已移除 ${uscc}`);
  await expect(page.getByTestId("free-subject").filter({ hasText: uscc })).toHaveCount(0);
  await page.context().close();
});
