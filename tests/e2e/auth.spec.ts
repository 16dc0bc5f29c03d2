import { expect, test, type Page } from "@playwright/test";
import { DEMO, loginWithPassword, readSmsCode, uniquePhone } from "./fixtures/auth";
import { checkPage } from "./fixtures/page-checks";

async function gotoLogin(page: Page) {
  await page.goto("/login");
  await page.locator("[data-hydrated]").waitFor();
}

async function requestLoginCode(page: Page, phone: string) {
  await gotoLogin(page);
  await page.getByLabel("手机号").fill(phone);
  const sentAt = new Date(Date.now() - 1000);
  await page.getByTestId("send-code").click();
  await expect(page.getByTestId("form-notice")).toContainText("验证码已发送");
  return readSmsCode(page.request, phone, { after: sentAt });
}

test.describe("login", () => {
  test("logs in by SMS code read from the outbox page, creating the account", async ({ page }) => {
    const phone = uniquePhone();
    const code = await requestLoginCode(page, phone);

    // The same code is visible on the outbox page a tester would open.
    const outbox = await page.context().newPage();
    await outbox.goto(`/dev/outbox?to=${phone}`);
    await expect(outbox.getByTestId("outbox-message").first()).toContainText(code);
    await outbox.close();

    await page.getByLabel("短信验证码").fill(code);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await page.waitForURL("/");
    await page.goto("/account");
    await expect(page.getByTestId("account-phone")).toHaveText(`${phone.slice(0, 3)}****${phone.slice(7)}`);

    // Signed out, this browser offers the number again (it was typed every time), and the agreements the
    // login page names open their text.
    await page.context().clearCookies();
    await gotoLogin(page);
    await expect(page.getByLabel("手机号")).toHaveValue(phone);
    await checkPage(page, "login");
    await page.getByTestId("login-agreement").getByTestId("agreement-privacy").click();
    await expect(page.getByRole("dialog", { name: "云证书隐私政策" })).toContainText("版本：1.0");
  });

  test("refuses wrong codes with the tries left, then kills the code after five", async ({ page }) => {
    const phone = uniquePhone();
    const code = await requestLoginCode(page, phone);
    const wrong = code === "000000" ? "111111" : "000000";
    await page.getByLabel("短信验证码").fill(wrong);
    const submit = page.getByRole("button", { name: "登录", exact: true });
    for (const left of [4, 3, 2, 1]) {
      await submit.click();
      await expect(page.getByTestId("form-error")).toHaveText(`验证码不正确，还可尝试${left}次`);
    }
    await submit.click();
    await expect(page.getByTestId("form-error")).toHaveText("验证码错误次数过多，已失效，请重新获取");
    await page.getByLabel("短信验证码").fill(code);
    await submit.click();
    await expect(page.getByTestId("form-error")).toContainText("验证码已失效");
    await expect(page).toHaveURL(/\/login/);
  });

  test("the resend countdown is on the button from the start of the cooldown, also after a reload", async ({ page }) => {
    const phone = uniquePhone();
    await requestLoginCode(page, phone);
    const button = page.getByTestId("send-code");
    await expect(button).toHaveText(/^\d+秒后重发$/);
    await expect(button).toBeDisabled();
    // After a reload the number is back in the field and the button still counts down (it said 获取验证码
    // until a click the server refused).
    await gotoLogin(page);
    await expect(page.getByLabel("手机号")).toHaveValue(phone);
    await expect(button).toHaveText(/^\d+秒后重发$/);
    await expect(button).toBeDisabled();
    const left = Number((await button.textContent())!.match(/\d+/)![0]);
    expect(left).toBeGreaterThan(40);
    expect(left).toBeLessThanOrEqual(60);
    // The cooldown is the number's: another number can ask at once.
    await page.getByLabel("手机号").fill(uniquePhone());
    await expect(button).toBeEnabled();
    await expect(button).toHaveText("获取验证码");
  });

  test("shows field errors before asking the server", async ({ page }) => {
    await gotoLogin(page);
    await page.getByLabel("手机号").fill("12345");
    await page.getByTestId("send-code").click();
    await expect(page.getByText("请输入正确的11位中国大陆手机号")).toBeVisible();
    await expect(page.getByLabel("手机号")).toHaveAttribute("aria-invalid", "true");
  });

  test("sets a password after SMS login, then logs in with it", async ({ page, browser }) => {
    const phone = uniquePhone();
    const code = await requestLoginCode(page, phone);
    await page.getByLabel("短信验证码").fill(code);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await page.waitForURL("/");

    await page.goto("/account");
    const form = page.getByTestId("password-form");
    await form.and(page.locator("[data-hydrated]")).waitFor();
    await form.getByLabel(/^新密码/).fill("short");
    await form.getByLabel("确认新密码").fill("short");
    await form.getByRole("button", { name: "设置密码" }).click();
    await expect(form.getByText("密码须为8–64位，且同时包含字母和数字")).toBeVisible();
    await form.getByLabel(/^新密码/).fill("tender2026");
    await form.getByLabel("确认新密码").fill("tender2026");
    await form.getByRole("button", { name: "设置密码" }).click();
    await expect(page.getByTestId("password-result")).toContainText("密码已保存");

    const fresh = await browser.newContext();
    const p2 = await fresh.newPage();
    await gotoLogin(p2);
    await p2.getByRole("tab", { name: "密码登录" }).click();
    await p2.getByLabel("手机号").fill(phone);
    await p2.getByLabel("密码").fill("wrong2026x");
    await p2.getByRole("button", { name: "登录", exact: true }).click();
    await expect(p2.getByTestId("form-error")).toHaveText("手机号或密码错误，还可尝试4次");
    await p2.getByLabel("密码").fill("tender2026");
    await p2.getByRole("button", { name: "登录", exact: true }).click();
    await p2.waitForURL("/");
    await p2.goto("/account");
    await expect(p2.getByTestId("account-phone")).toContainText(phone.slice(7));
    await fresh.close();
  });

  test("logs out and the old session cookie no longer works", async ({ page, context }) => {
    await loginWithPassword(context, DEMO.applicant2);
    await page.goto("/account");
    await expect(page.getByTestId("account-phone")).toBeVisible();
    const cookies = await context.cookies();
    await page.request.post("/api/auth/logout", { maxRedirects: 0 });
    await context.addCookies(cookies); // replay the stolen cookie
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login\?next=%2Faccount/);
  });
});

test.describe("console access", () => {
  test("a reviewer reaches the review console", async ({ page, context }) => {
    await loginWithPassword(context, DEMO.reviewer);
    const res = await page.goto("/console");
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("navigation").getByRole("link", { name: "审核队列" })).toBeVisible();
  });

  test("an applicant is refused with 403", async ({ page, context }) => {
    await loginWithPassword(context, DEMO.applicant);
    const res = await page.goto("/console");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("navigation").getByRole("link", { name: "审核队列" })).toHaveCount(0);
  });

  test("a visitor is sent to the login page and back", async ({ page }) => {
    await page.goto("/console");
    await expect(page).toHaveURL(/\/login\?next=%2Fconsole/);
  });
});
