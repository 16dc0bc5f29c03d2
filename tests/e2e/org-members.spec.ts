// The enterprise area (issue 12, H1) in Chromium: 我的企业 on the desk (list, search: registered → 加入企业,
// unregistered → 认领), the overview with its sub-navigation, 人员管理 (remove a member after the confirmation),
// 企业设置 (delete after typing the name), and the phone's 我的企业 / overview / 人员管理 at 390 px. The enterprise
// comes from the e2e fixture route (the claim by download is covered by the integration tests).
import { expect, test } from "@playwright/test";
import { usccCheckChar } from "@/lib/validators/uscc";
import { loginAs } from "./fixtures/auth";
import { settle } from "./wizard-helpers";

test.setTimeout(180_000);

type FixtureOrg = { orgId: string; name: string; uscc: string };

test("desk: my enterprises, search, overview, members (remove), settings (delete)", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
  await loginAs(context);
  const res = await context.request.post("/api/dev/fixture-org", { data: {} });
  expect(res.ok(), await res.text()).toBeTruthy();
  const org = (await res.json()) as FixtureOrg;
  const page = await context.newPage();

  await page.goto("/org");
  await settle(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的企业");
  await expect(page.getByRole("link", { name: "我的企业" }).first()).toBeVisible();
  await expect(page.getByTestId("org-row")).toHaveText(org.name);
  // An unregistered enterprise → 认领; a credit code with a wrong check character → the field says so.
  const body = `91110000${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`;
  await page.getByLabel("企业名称").fill("未注册的测试企业有限公司");
  await page.getByLabel("统一社会信用代码").fill(body + usccCheckChar(body));
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId("org-claim")).toHaveAttribute("href", "/apply/unit");
  await page.screenshot({ path: test.info().outputPath("desk-org-home.png"), fullPage: true });
  const wrong = "0123456789ABCDEFGHJKLMNPQRTUWXY".split("").find((c) => c !== usccCheckChar(body))!;
  await page.getByLabel("统一社会信用代码").fill(body + wrong);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId("org-claim")).toHaveCount(0);
  await expect(page.getByTestId("org-search").getByText(/校验/)).toBeVisible();

  await page.getByTestId("org-row").click();
  await expect(page).toHaveURL(new RegExp(`/org/${org.orgId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(org.name);
  await expect(page.getByTestId("org-my-role")).toHaveText("管理员");
  const nav = page.getByTestId("org-nav");
  for (const item of ["概况", "人员管理", "授权管理", "申请审核", "转授管理员", "使用记录", "企业设置"]) await expect(nav.getByRole("link", { name: item })).toBeVisible();
  await expect(page.getByRole("heading", { name: "变更企业信息" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("desk-org-overview.png"), fullPage: true });

  await nav.getByRole("link", { name: "人员管理" }).click();
  await expect(page).toHaveURL(new RegExp(`/org/${org.orgId}/members$`));
  await expect(page.getByTestId("member-name")).toHaveCount(2);
  await expect(page.getByRole("heading", { name: "添加成员" })).toBeVisible();
  await page.getByTestId("member-add").getByLabel("姓名").fill("不存在的人");
  await page.getByTestId("member-add").getByLabel("身份证号").fill("11010519491231002X");
  await page.getByTestId("member-add").getByLabel("手机号").fill("19900000000");
  await page.getByRole("button", { name: "添加", exact: true }).click();
  await expect(page.getByText("未找到手机号、姓名和证件号均相符的实名账户")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("desk-org-members.png"), fullPage: true });
  const colleague = page.getByRole("row").filter({ hasText: "李同事" });
  page.once("dialog", (d) => {
    expect(d.message()).toContain("李同事");
    void d.accept();
  });
  await colleague.getByRole("button", { name: "移除" }).click();
  await expect(page.getByText("已移除「李同事」")).toBeVisible();
  await expect(page.getByTestId("member-name")).toHaveCount(1);

  await nav.getByRole("link", { name: "企业设置" }).click();
  await expect(page.getByText("删除企业将吊销企业全部 0 张有效证书")).toBeVisible();
  const del = page.getByRole("button", { name: "删除企业" });
  await expect(del).toBeDisabled();
  await page.getByLabel(/请输入企业全称/).fill(org.name);
  await page.screenshot({ path: test.info().outputPath("desk-org-settings.png"), fullPage: true });
  page.once("dialog", (d) => void d.accept());
  await del.click();
  await expect(page).toHaveURL(/\/org$/);
  await expect(page.getByTestId("org-row")).toHaveCount(0);
  const gone = await page.goto(`/org/${org.orgId}`);
  expect(gone?.status()).toBe(404);
  await context.close();
});

test("phone: 我的 → 我的企业 → overview → 人员管理 at 390 px", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await loginAs(context);
  const res = await context.request.post("/api/dev/fixture-org", { data: {} });
  expect(res.ok(), await res.text()).toBeTruthy();
  const org = (await res.json()) as FixtureOrg;
  const page = await context.newPage();
  await page.goto("/m/me");
  await page.getByTestId("me-org").click();
  await expect(page).toHaveURL(/\/m\/org$/);
  await expect(page.getByTestId("org-card")).toContainText(org.name);
  await page.screenshot({ path: test.info().outputPath("phone-org-list.png"), fullPage: true });
  await page.getByTestId("org-card").click();
  await expect(page.getByTestId("org-my-role")).toHaveText("管理员");
  await page.screenshot({ path: test.info().outputPath("phone-org-overview.png"), fullPage: true });
  await page.getByTestId("org-members-link").click();
  await expect(page).toHaveURL(new RegExp(`/m/org/${org.orgId}/members$`));
  await expect(page.getByTestId("member-name")).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath("phone-org-members.png"), fullPage: true });
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "移除" }).click();
  await expect(page.getByText("已移除「李同事」")).toBeVisible();
  await expect(page.getByTestId("member-name")).toHaveCount(1);
  await context.close();
});
