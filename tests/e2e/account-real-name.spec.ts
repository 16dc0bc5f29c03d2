import { expect, test } from "@playwright/test";
import { loginAs } from "./fixtures/auth";
import { phoneContext } from "./fixtures/review";
import { field, settle, uniqueIdNumber } from "./wizard-helpers";

// 实名认证 of the account: the desk's /account section (1280 px) and the phone's 我的 → /m/me/real-name
// (390 px), against the sandbox identity provider (its documented failing identity first, then a pass).

const FAILING = { name: "李四", idNumber: "440524188001010014" };
const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;

test("desk /account: a failing identity is explained, the corrected one verifies the account, another person is refused, joining opens", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await loginAs(page.context());
  await page.goto("/account");
  await settle(page);
  const section = page.getByTestId("real-name");
  await expect(section.getByTestId("real-name-status")).toHaveText("未实名认证");
  await expect(section.getByTestId("real-name-phone")).toHaveValue(/^1\d{2}\*{4}\d{4}$/);
  await page.screenshot({ path: test.info().outputPath("desk-account-real-name-form.png"), fullPage: true });

  // Field check before anything is sent: the ID number's check character.
  await field(page, "name").fill("张三");
  const good = uniqueIdNumber();
  await field(page, "idNumber").fill(good.slice(0, 17) + (good[17] === "1" ? "2" : "1"));
  await page.getByTestId("real-name-submit").click();
  await expect(section.getByText("证件号码不正确")).toBeVisible();
  await expect(field(page, "idNumber")).toHaveAttribute("aria-invalid", "true");

  // The sandbox's failing identity: 未通过 with the provider's reason, nothing recorded.
  await field(page, "name").fill(FAILING.name);
  await field(page, "idNumber").fill(FAILING.idNumber);
  await page.getByTestId("real-name-submit").click();
  await expect(page.getByTestId("real-name-result")).toContainText("实名认证未通过");
  await expect(page.getByTestId("real-name-result")).toContainText("姓名与身份证号不一致");
  await expect(section.getByTestId("real-name-status")).toHaveText("未实名认证");

  // The corrected person passes at once.
  const idNumber = uniqueIdNumber();
  await field(page, "name").fill("张三");
  await field(page, "idNumber").fill(idNumber);
  await page.getByTestId("real-name-submit").click();
  await expect(page.getByTestId("real-name-result")).toContainText("实名认证已通过");
  await expect(section.getByTestId("real-name-status")).toHaveText("已实名认证");
  await expect(section.getByTestId("real-name-name")).toHaveText("张三");
  await expect(section.getByTestId("real-name-id")).toHaveText(masked(idNumber));
  await expect(section).not.toContainText(idNumber);
  await page.screenshot({ path: test.info().outputPath("desk-account-real-name-verified.png"), fullPage: true });

  // Still verified after a reload (the server's record, not the page's state).
  await page.reload();
  await settle(page);
  await expect(section.getByTestId("real-name-status")).toHaveText("已实名认证");
  await expect(section.getByTestId("real-name-id")).toHaveText(masked(idNumber));

  // Another person on this account is refused.
  await section.getByTestId("real-name-reverify").click();
  await field(page, "name").fill("赵六");
  await field(page, "idNumber").fill(uniqueIdNumber());
  await page.getByTestId("real-name-submit").click();
  await expect(page.getByTestId("real-name-result")).toContainText("不能改为其他人");
  await expect(section.getByTestId("real-name-name")).toHaveText("张三");
  await page.screenshot({ path: test.info().outputPath("desk-account-real-name-other-person.png"), fullPage: true });

  // 加入企业 no longer sends the account to 实名认证.
  await page.goto("/org/join");
  await settle(page);
  await expect(page.getByTestId("join-not-verified")).toHaveCount(0);
});

test("phone 我的 shows the status and links to /m/me/real-name, whose form verifies the account", async ({ browser }) => {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  expect(page.viewportSize()?.width).toBe(390);
  await loginAs(context);
  await page.goto("/m/me");
  await settle(page);
  await expect(page.getByTestId("me-real-name")).toHaveText("未实名认证");
  await expect(page.getByTestId("me-org")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("phone-me-not-verified.png"), fullPage: true });

  await page.getByTestId("me-real-name-link").click();
  await settle(page, /\/m\/me\/real-name$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("实名认证");
  await expect(page.getByTestId("real-name-status")).toHaveText("未实名认证");
  await page.screenshot({ path: test.info().outputPath("phone-real-name-form.png"), fullPage: true });

  const idNumber = uniqueIdNumber();
  await field(page, "name").fill("王小明");
  await field(page, "idNumber").fill(idNumber);
  await page.getByTestId("real-name-submit").click();
  await expect(page.getByTestId("real-name-result")).toContainText("实名认证已通过");
  await expect(page.getByTestId("real-name-id")).toHaveText(masked(idNumber));
  await page.screenshot({ path: test.info().outputPath("phone-real-name-verified.png"), fullPage: true });

  await page.goto("/m/me");
  await settle(page);
  await expect(page.getByTestId("me-real-name")).toHaveText("已实名认证 · 王小明");
  await page.screenshot({ path: test.info().outputPath("phone-me-verified.png"), fullPage: true });
  await context.close();
});
