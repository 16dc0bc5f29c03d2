// Enterprise requests (issue 12, H2) in Chromium: 申请审核 (同意 → the authorization letter's QR, polled;
// 拒绝 with a reason), 授权管理 (by person / platform / history, revoke), 转授管理员, 法定代表人 and 加入企业 on the
// desk at 1280 px; the phone's 审核 (同意 opens the scan page for the letter) and 授权管理 at 390 px. The data
// come from the e2e fixture route; the phone signature itself is covered by the integration tests.
import { expect, test } from "@playwright/test";
import { loginAs } from "./fixtures/auth";
import { settle } from "./wizard-helpers";
import { checkPage } from "./fixtures/page-checks";

test.setTimeout(180_000);

type Fixture = { orgId: string; name: string; uscc: string; joinRequestId: string; certRequestId: string };

test("desk: requests (approve → letter QR, reject), authorizations, transfer, legal rep, join", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
  await loginAs(context);
  const res = await context.request.post("/api/dev/fixture-org-requests", { data: {} });
  expect(res.ok(), await res.text()).toBeTruthy();
  const f = (await res.json()) as Fixture;
  const page = await context.newPage();
  const shot = (name: string) => page.screenshot({ path: test.info().outputPath(name), fullPage: true });

  await page.goto(`/org/${f.orgId}/requests`);
  await settle(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("申请审核");
  const pending = page.getByTestId("requests-pending").getByTestId("org-request");
  await expect(pending).toHaveCount(2);
  await shot("desk-requests.png");
  const cert = page.locator(`[id="${f.certRequestId}"]`);
  await cert.getByTestId("request-reject").click();
  await cert.getByTestId("request-reject-confirm").click();
  await expect(cert.getByText("请填写拒绝原因")).toBeVisible();
  await cert.getByTestId("request-reject-reason").fill("暂不需要");
  await cert.getByTestId("request-reject-confirm").click();
  // Answered: it leaves the list of what waits for me.
  await expect(pending).toHaveCount(1);
  const join = page.locator(`[id="${f.joinRequestId}"]`);
  await join.getByTestId("request-approve").click();
  const letter = page.getByTestId("sign-letter");
  await expect(letter).toHaveAttribute("data-status", "PENDING");
  await expect(page.getByTestId("sign-letter-qr")).toBeVisible();
  await expect(page.getByTestId("sign-letter-text")).toContainText("赵加入");
  await expect(page.getByTestId("sign-letter-status")).toHaveText(/等待手机签署/);
  await shot("desk-requests-letter.png");

  await page.goto(`/org/${f.orgId}/authorizations`);
  await settle(page);
  await expect(page.getByTestId("authorization-group")).toHaveCount(1);
  await expect(page.getByTestId("authorization-group")).toContainText("李同事");
  await shot("desk-authorizations-person.png");
  await page.getByRole("link", { name: "按平台" }).click();
  await expect(page.getByTestId("authorizations-by-platform")).toBeVisible();
  await page.getByTestId("authorization-revoke").click();
  await page.getByTestId("authorization-revoke-confirm").click();
  await expect(page.getByText("暂无授权")).toBeVisible();
  await page.getByRole("link", { name: "授权记录" }).click();
  await expect(page.getByText("已撤销")).toBeVisible();
  await shot("desk-authorizations-history.png");
  const grant = page.getByTestId("authorization-grant");
  await grant.locator("select").selectOption((await grant.locator("select option").nth(1).getAttribute("value"))!);
  await page.getByTestId("authorization-grant").getByRole("checkbox").first().check();
  await page.getByRole("button", { name: "签署授权书" }).click();
  await expect(page.getByTestId("sign-letter-text")).toContainText("企业证书使用授权书");
  await shot("desk-authorizations-grant.png");

  await page.goto(`/org/${f.orgId}/transfer`);
  await settle(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("转授管理员");
  const target = page.getByTestId("transfer-target");
  const value = await target.locator("option").nth(1).getAttribute("value");
  await target.selectOption(value!);
  await page.getByTestId("transfer-sign").click();
  await expect(page.getByTestId("sign-letter-text")).toContainText("管理员转授书");
  await shot("desk-transfer.png");
  const pdf = await context.request.get(`/api/org/${f.orgId}/transfer-form?to=${value}`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");

  await page.goto("/org/join?uscc=" + f.uscc);
  await settle(page);
  await expect(page.getByLabel("统一社会信用代码")).toHaveValue(f.uscc);
  await page.getByLabel("管理员姓名").fill("张三");
  await page.getByLabel("管理员手机号").fill("13800000000");
  await page.getByTestId("join-form").getByRole("checkbox").first().check();
  await page.getByRole("button", { name: "提交加入申请" }).click();
  await expect(page.getByText("管理员姓名或手机号与该企业登记的管理员不一致").first()).toBeVisible();
  await shot("desk-join.png");

  // Someone outside the enterprise: the legal-rep verification form, nothing about the enterprise.
  const outsider = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
  await loginAs(outsider);
  const other = await outsider.newPage();
  await other.goto(`/org/${f.orgId}/legal-rep`);
  await settle(other);
  await expect(other.getByTestId("legal-rep-form")).toBeVisible();
  await expect(other.getByText(f.name)).toHaveCount(0);
  await other.screenshot({ path: test.info().outputPath("desk-legal-rep.png"), fullPage: true });
  expect((await other.goto(`/org/${f.orgId}/requests`))?.status()).toBe(404);
  await outsider.close();
  await context.close();
});

test("phone: 审核 (approve opens the scan page for the letter) and 授权管理 at 390 px", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await loginAs(context);
  const res = await context.request.post("/api/dev/fixture-org-requests", { data: {} });
  const f = (await res.json()) as Fixture;
  const page = await context.newPage();
  await page.goto(`/m/org/${f.orgId}/requests`);
  await settle(page);
  await expect(page.getByTestId("org-request")).toHaveCount(2);
  await checkPage(page, "m-org-requests");
  await page.screenshot({ path: test.info().outputPath("phone-requests.png"), fullPage: true });
  await page.locator(`[id="${f.joinRequestId}"]`).getByTestId("request-approve").click();
  await expect(page).toHaveURL(/\/m\/s\//);
  await settle(page);
  await checkPage(page, "m-scan-letter");
  await page.screenshot({ path: test.info().outputPath("phone-requests-scan.png"), fullPage: true });

  await page.goto(`/m/org/${f.orgId}/authorizations`);
  await settle(page);
  await expect(page.getByTestId("authorization-group")).toContainText("李同事");
  await page.screenshot({ path: test.info().outputPath("phone-authorizations.png"), fullPage: true });
  await checkPage(page, "m-org-authorizations");
  // The enterprise's other phone pages, as its administrator sees them.
  for (const tail of ["", "/members", "/seals"]) {
    await page.goto(`/m/org/${f.orgId}${tail}`);
    await checkPage(page, `m-org${tail.replace("/", "-")}`);
  }
  await context.close();
});
