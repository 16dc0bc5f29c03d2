import { test, expect, type Page } from "@playwright/test";

// The desk frame: default language, the language switch, the phone menu, help pages.

function mainNav(page: Page, name: string) {
  return page.getByRole("navigation", { name });
}

test("the landing page is in Chinese by default", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("一张云证书");
  await expect(mainNav(page, "主导航").getByRole("link", { name: "证书新办" })).toBeVisible();
  await expect(page.getByTestId("cta-apply")).toHaveAttribute("href", "/apply");
  await expect(page.getByRole("link", { name: "登录" })).toHaveAttribute("href", "/login");
});

test("switching to English keeps English across navigation and page loads", async ({ page, context }) => {
  await page.goto("/");
  await page.getByRole("group", { name: "语言" }).getByRole("button", { name: "English" }).click();

  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("One cloud certificate");
  await expect(page.getByRole("group", { name: "Language" }).getByRole("button", { name: "English" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  await mainNav(page, "Main navigation").getByRole("link", { name: "Help" }).click();
  await expect(page).toHaveURL(/\/help$/);
  await expect(page.getByRole("heading", { level: 1, name: "Help center" })).toBeVisible();

  await page.goto("/renew");
  await expect(page.getByRole("heading", { level: 1, name: "Renew a certificate" })).toBeVisible();

  const locale = (await context.cookies()).find((c) => c.name === "locale");
  expect(locale?.value).toBe("en");
  expect(locale?.path).toBe("/");
  expect(locale?.sameSite).toBe("Lax");
  // About a year, not a session cookie.
  expect(locale!.expires * 1000 - Date.now()).toBeGreaterThan(300 * 24 * 3600 * 1000);

  await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "证书更新" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the language switch still works (a plain form post)", async ({ page }) => {
    await page.goto("/help");
    await page.getByRole("group", { name: "语言" }).getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Help center" })).toBeVisible();
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the menu button opens the navigation", async ({ page }) => {
    await page.goto("/");
    const nav = mainNav(page, "主导航");
    // The bar is hidden on phones and the menu is closed: no main navigation is visible yet.
    await expect(nav).toBeHidden();

    await page.locator("summary", { hasText: "菜单" }).click();
    await expect(nav.getByRole("link", { name: "证书吊销" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "首页" })).toHaveAttribute("aria-current", "page");

    await nav.getByRole("link", { name: "帮助中心" }).click();
    await expect(page).toHaveURL(/\/help$/);
    await expect(page.getByRole("heading", { level: 1, name: "帮助中心" })).toBeVisible();
    // The menu closes after navigating.
    await expect(nav).toBeHidden();
  });
});

test("the user agreement renders as a help article", async ({ page }) => {
  const res = await page.goto("/help/agreement");
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "云证书用户服务协议" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "十、法律适用与争议解决" })).toBeVisible();
  await expect(page.getByText("电子认证业务规则").first()).toBeVisible();
  await expect(page.locator("#main").getByRole("link", { name: "云证书隐私政策" })).toHaveAttribute("href", "/help/privacy");
});

test("an unknown help article is a 404 inside the desk frame", async ({ page }) => {
  const res = await page.goto("/help/no-such-article");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "页面不存在" })).toBeVisible();
  await expect(page.locator("header")).toHaveCount(1);
});
