// The console's enterprise pages (issue 12) in Chromium: 企业管理 (list, search, the enterprise's page with
// its sections), 企业申请审核 (a paper administrator transfer: the stamped form, reject needs a reason,
// approve swaps the roles) and the channel page's enterprise switches. The enterprise comes from the e2e
// fixture route (the claim and transfer flows have their own specs).
import { expect, test } from "@playwright/test";
import { DEMO, loginAs } from "./fixtures/auth";
import { consolePage } from "./fixtures/review";
import { settle } from "./wizard-helpers";
import { answerConfirm } from "./fixtures/confirm";

test.setTimeout(180_000);

type FixtureOrg = { orgId: string; name: string; uscc: string; requestId: string };

test("enterprise list, search, detail and the paper transfer review", async ({ browser }) => {
  const applicant = await browser.newContext({ locale: "zh-CN" });
  const adminPhone = await loginAs(applicant);
  const res = await applicant.request.post("/api/dev/fixture-org", { data: {} });
  expect(res.ok(), await res.text()).toBeTruthy();
  const org = (await res.json()) as FixtureOrg;

  const page = await consolePage(browser);
  await page.setViewportSize({ width: 1280, height: 900 });

  // The list: nav entries, then a search by USCC (lower case works), by name and by the administrator's phone.
  await page.goto("/console/orgs");
  await settle(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("企业管理");
  await expect(page.getByRole("link", { name: "企业管理" })).toBeVisible();
  await expect(page.getByRole("link", { name: "企业申请审核" })).toBeVisible();
  await expect(page.getByRole("link", { name: org.name })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("console-orgs.png"), fullPage: true });

  await page.getByTestId("org-search").fill(org.uscc.toLowerCase());
  await page.getByTestId("org-search-submit").click();
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByTestId("org-link")).toHaveCount(1);
  await expect(page.getByTestId("org-link")).toHaveText(org.name);
  await expect(page.getByTestId("org-count")).toHaveText("共 1 家企业");

  await page.goto(`/console/orgs?q=${adminPhone}`);
  await expect(page.getByTestId("org-link")).toHaveText(org.name);
  await page.goto(`/console/orgs?q=${encodeURIComponent("不存在的企业名称")}`);
  await expect(page.getByText("没有符合条件的企业")).toBeVisible();
  await page.goto(`/console/orgs?q=${encodeURIComponent(org.name.slice(0, 10))}`);
  await page.getByRole("link", { name: org.name }).click();

  // The detail: every section, the members with their roles, the open request, the audit rows.
  await expect(page).toHaveURL(new RegExp(`/console/orgs/${org.orgId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(org.name);
  for (const section of ["基本信息", "人员", "证书", "申请", "授权", "审计"]) {
    await expect(page.getByRole("heading", { level: 2, name: section, exact: true })).toBeVisible();
  }
  const members = page.locator("#members");
  await expect(members.getByRole("row").filter({ hasText: adminPhone })).toContainText("管理员");
  await expect(members.getByRole("row").filter({ hasText: "李同事" })).toContainText("成员");
  await expect(page.locator("#requests")).toContainText("转授管理员");
  await expect(page.locator("#requests")).toContainText("待 CA 审核");
  await expect(page.locator("#audit")).toContainText("org.created");
  await page.screenshot({ path: test.info().outputPath("console-org-detail.png"), fullPage: true });

  // The queue and the review page: the stamped form is shown; rejecting needs a reason; approve.
  await page.goto("/console/org-requests");
  await settle(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("企业申请审核");
  const row = page.getByRole("row").filter({ hasText: org.name });
  await expect(row).toContainText("待 CA 审核");
  await page.screenshot({ path: test.info().outputPath("console-org-requests.png"), fullPage: true });
  await row.getByTestId("org-request-open").click();
  await expect(page).toHaveURL(new RegExp(`/console/org-requests/${org.requestId}$`));
  await settle(page);
  const form = page.getByTestId("org-paper").getByRole("img", { name: "转授申请表（盖章）" });
  await expect(form).toBeVisible();
  await expect.poll(() => form.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await page.screenshot({ path: test.info().outputPath("console-org-request.png"), fullPage: true });

  await page.getByTestId("reject").click();
  await expect(page.getByText("请填写驳回原因")).toBeVisible();
  await page.getByTestId("approve").click();
  await answerConfirm(page);
  // The page then replaces the form with the decision on record (the form's own message may be gone by then).
  await expect(page.getByTestId("decided")).toContainText("已通过", { timeout: 30_000 });

  await page.goto(`/console/orgs/${org.orgId}`);
  await expect(members.getByRole("row").filter({ hasText: "李同事" })).toContainText("管理员");
  await expect(members.getByRole("row").filter({ hasText: adminPhone })).toContainText("证书管理员");
  await expect(page.locator("#audit")).toContainText("org.admin_transferred");
  await page.context().close();
  await applicant.close();
});

test("the channel page shows the enterprise switches with the stored values and saves them", async ({ browser }) => {
  const page = await consolePage(browser, DEMO.admin);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/console/channels");
  await settle(page);
  await page.goto((await page.locator('a[href^="/console/channels/"]').first().getAttribute("href"))!);
  await settle(page);
  await expect(page.getByText("加入/企业证书申请需法定代表人审核")).toBeVisible();
  await expect(page.getByText("允许设置证书管理员")).toBeVisible();
  // The schema's defaults: no legal-rep approval, certificate administrators allowed.
  await expect(page.getByTestId("legal-rep-approval")).not.toBeChecked();
  await expect(page.getByTestId("allow-cert-admins")).toBeChecked();
  await page.getByTestId("allow-cert-admins").scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath("console-channel-switches.png"), fullPage: true });
  // Saved unchanged (other specs use this channel at the same time; the integration test toggles them).
  await page.getByTestId("save-channel").click();
  await expect(page.getByTestId("form-result")).toHaveText("已保存");
  await page.context().close();
});
