import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { DEMO, loginAs, loginWithPassword } from "./fixtures/auth";
import { base32Decode, hotp, totpStep } from "../../lib/server/auth/totp/totp";

// WebAuthn needs a secure context and an RP ID that is a domain: the e2e desk runs with
// APP_URL=http://127.0.0.1:3200, and the server's relying party for a loopback IP is "localhost"
// (origin http://localhost:3200), so this spec browses the same server by that name.
const port = Number(process.env.E2E_PORT ?? 3200);
test.use({ baseURL: process.env.E2E_BASE_URL?.replace("127.0.0.1", "localhost") ?? `http://localhost:${port}` });
test.setTimeout(120_000);

const PASSWORD = "Passkey2026";

/** Chromium's virtual authenticator (CTAP2, resident keys, user verification) on this page. */
async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return {
    credentials: async () => (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials,
  };
}

/** A new account (SMS login) with a password, promoted to CA reviewer by the admin in the console. */
async function newReviewer(admin: BrowserContext, ctx: BrowserContext, page: Page): Promise<string> {
  const phone = await loginAs(ctx);
  await page.goto("/account");
  const form = page.getByTestId("password-form");
  await form.and(page.locator("[data-hydrated]")).waitFor();
  await form.getByLabel(/^新密码/).fill(PASSWORD);
  await form.getByLabel("确认新密码").fill(PASSWORD);
  await form.getByRole("button", { name: "设置密码" }).click();
  await expect(page.getByTestId("password-result")).toContainText("密码已保存");

  const console = await admin.newPage();
  await console.goto(`/console/users?q=${phone}`);
  await console.waitForLoadState("networkidle");
  await console.locator('[data-testid^="role-"]').selectOption("CA_REVIEWER");
  await expect(console.getByText("角色已更新")).toBeVisible();
  await console.close();
  return phone;
}

async function expectConsole(page: Page) {
  await expect(page).toHaveURL(/\/console$/);
  await expect(page.getByRole("navigation").getByRole("link", { name: "审核队列" })).toBeVisible();
}

async function logout(page: Page) {
  await page.request.post("/api/auth/logout", { form: { logout: "1" }, maxRedirects: 0 });
  await page.goto("/console");
  await expect(page).toHaveURL(/\/login\?next=%2Fconsole/);
}

test("a reviewer enrols a passkey at the first console visit, then passes it after a password login, and logs in with it alone", async ({ browser }) => {
  const admin = await browser.newContext();
  await loginWithPassword(admin, DEMO.admin);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const authenticator = await virtualAuthenticator(page);
  const phone = await newReviewer(admin, ctx, page);

  // The SMS session is not enough for the console: enrol a passkey first.
  await page.goto("/console");
  await expect(page).toHaveURL(/\/login\/second-factor\?next=%2Fconsole/);
  await expect(page.getByText("设置第二重验证")).toBeVisible();
  await page.waitForSelector("[data-hydrated]");
  await page.getByTestId("enrol-passkey").click();
  await expectConsole(page);
  expect(await authenticator.credentials()).toHaveLength(1);

  // Password login → asked for the passkey → console.
  await logout(page);
  await page.waitForSelector("[data-hydrated]");
  await page.getByRole("tab", { name: "密码登录" }).click();
  await page.getByLabel("手机号").fill(phone);
  await page.getByLabel(/^密码/).fill(PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/login\/second-factor\?next=%2Fconsole/);
  await expect(page.getByRole("heading", { name: "第二重身份验证" })).toBeVisible();
  await page.waitForSelector("[data-hydrated]");
  await page.getByTestId("second-factor-passkey").click();
  await expectConsole(page);

  // Usernameless passkey login from the login page: straight into the console.
  await logout(page);
  await page.waitForSelector("[data-hydrated]");
  await page.getByTestId("passkey-login").click();
  await expectConsole(page);

  // The account page lists it; it can be renamed.
  await page.goto("/account");
  await page.waitForSelector("[data-testid=passkey-section][data-hydrated]");
  await expect(page.getByTestId("passkey-item")).toHaveCount(1);
  await page.getByTestId("passkey-rename").click();
  await page.getByTestId("passkey-name-input").fill("办公室电脑");
  await page.getByTestId("passkey-save").click();
  await expect(page.getByTestId("passkey-name")).toHaveText("办公室电脑");
  await admin.close();
  await ctx.close();
});

test("TOTP as the fallback: a reviewer without a passkey sets it up with the QR's key and types codes", async ({ browser }) => {
  const admin = await browser.newContext();
  await loginWithPassword(admin, DEMO.admin);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const phone = await newReviewer(admin, ctx, page);

  await page.goto("/console/reviews");
  await expect(page).toHaveURL(/\/login\/second-factor\?next=%2Fconsole/);
  await page.waitForSelector("[data-hydrated]");
  await page.getByTestId("enrol-totp").click();
  await page.getByTestId("totp-setup").click();
  const secret = base32Decode((await page.getByTestId("totp-secret").textContent())!);
  const setupStep = totpStep(Date.now());
  await page.getByTestId("totp-confirm-code").fill(hotp(secret, setupStep));
  await page.getByTestId("totp-confirm").click();
  await expect(page).toHaveURL(/\/console(\/reviews)?$/);

  await logout(page);
  await page.waitForSelector("[data-hydrated]");
  await page.getByRole("tab", { name: "密码登录" }).click();
  await page.getByLabel("手机号").fill(phone);
  await page.getByLabel(/^密码/).fill(PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/login\/second-factor/);
  await page.waitForSelector("[data-hydrated]");
  // The setup's step is spent (a code is accepted once): type the next step's code (±1 step is accepted).
  await page.getByTestId("totp-code").fill(hotp(secret, Math.max(totpStep(Date.now()), setupStep + 1)));
  await page.getByTestId("totp-verify").click();
  await expectConsole(page);
  await admin.close();
  await ctx.close();
});
