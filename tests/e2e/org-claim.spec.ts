// 认领 through the unit wizard (issue 12, H1) in Chromium: micro-deposit, handler, legal rep's SMS link, signature,
// sandbox payment → the CA reviewer approves → the applicant downloads the enterprise certificate on the phone and
// is the enterprise's administrator (我的企业). A second user starting the wizard for the same credit code is told
// to join instead (加入企业 link), not to claim it again.
import { expect as baseExpect, test } from "@playwright/test";
import { loginAs, uniquePhone } from "./fixtures/auth";
import { approveInConsole, consolePage, downloadOnPhone } from "./fixtures/review";
import { claimThroughUnitWizard, enterprise, fillEnterprise, settle, startUnit } from "./wizard-helpers";

const expect = baseExpect.configure({ timeout: 30_000 });


test("claim: unit wizard → CA approves → pay → download makes the applicant administrator; a second claimant is sent to join", async ({ page, context, browser }) => {
  test.setTimeout(600_000);
  const userPhone = await loginAs(context);
  const orderId = await startUnit(page);
  const e = enterprise();
  await claimThroughUnitWizard(page, { request: context.request, browser, userPhone, e, orderId });

  // Submitted: the enterprise is registered (no administrator yet), the order belongs to it.
  await page.goto("/orders");
  const orderNo = (await page.getByTestId("order-row-no").first().textContent())!.trim();
  const reviewer = await consolePage(browser);
  await approveInConsole(reviewer, orderNo);

  // The download on the phone (same account) makes the applicant the administrator.
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto("/m");
  await downloadOnPhone(phone, orderId, "285714");
  await page.goto("/org");
  await settle(page);
  await expect(page.getByTestId("org-row")).toHaveText(e.name);
  await expect(page.getByRole("row").filter({ hasText: e.name })).toContainText("管理员");
  await expect(page.getByRole("row").filter({ hasText: e.name })).toContainText("已认证");
  await page.getByTestId("org-row").click();
  await expect(page.getByTestId("org-count-certificates")).toHaveText("2");
  await page.screenshot({ path: test.info().outputPath("claimed-overview.png"), fullPage: true });

  // A second user: the enterprise step refuses the registered credit code and links to 加入企业.
  const other = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
  await loginAs(other);
  const second = await other.newPage();
  await startUnit(second);
  await fillEnterprise(second, { ...e, legalRepPhone: uniquePhone() });
  await second.getByTestId("next").click();
  await expect(second.getByTestId("form-error")).toContainText("该企业已注册并有管理员");
  await expect(second.getByTestId("org-join")).toHaveAttribute("href", new RegExp(`/org/join\\?uscc=${e.uscc}`));
  await second.screenshot({ path: test.info().outputPath("second-claimant.png"), fullPage: true });
  await other.close();
});
