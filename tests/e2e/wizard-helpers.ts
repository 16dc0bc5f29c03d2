import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { idNumberCheckChar } from "../../lib/validators/id-number";
import { usccCheckChar } from "../../lib/validators/uscc";
import { readSmsCode, uniquePhone } from "./fixtures/auth";

// Shared steps of the wizard specs. Subjects are random and valid, so specs run in parallel.

export function uniqueUscc(): string {
  const body = `91110000${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`;
  return body + usccCheckChar(body)!;
}

export function uniqueIdNumber(): string {
  const r = (n: number) => Math.floor(Math.random() * n);
  const two = (n: number) => String(n).padStart(2, "0");
  const body = `110105${1960 + r(40)}${two(1 + r(12))}${two(1 + r(28))}${String(r(1000)).padStart(3, "0")}`;
  return body + idNumberCheckChar(body);
}

/** Waits until the page is hydrated (dev server: client bundles compile on first use), so clicks reach React. */
export async function settle(page: Page, url?: RegExp) {
  if (url) await expect(page).toHaveURL(url, { timeout: 90_000 });
  await page.waitForLoadState("networkidle");
}

export function field(page: Page, name: string) {
  return page.getByTestId(`field-${name}`);
}

/** From 证书新办 → 单位证书 to the enterprise step with the micro-deposit chosen. */
export async function startUnit(page: Page, method = "CORP_DEPOSIT") {
  await page.goto("/apply/unit");
  await page.getByTestId("start").click();
  await settle(page, /\/apply\/unit\/[^/]+\/method$/);
  await page.getByTestId(`method-${method}`).check();
  await page.getByTestId("agree").check();
  await page.getByTestId("next").click();
  await settle(page, /\/enterprise$/);
  return page.url().split("/")[5]!;
}

export type Enterprise = { name: string; uscc: string; legalRepName: string; legalRepIdNumber: string; legalRepPhone: string; bankAccount: string };

export function enterprise(over: Partial<Enterprise> = {}): Enterprise {
  return { name: "示范建设工程有限公司", uscc: uniqueUscc(), legalRepName: "赵法人", legalRepIdNumber: uniqueIdNumber(), legalRepPhone: uniquePhone(), bankAccount: "0200001009000012345", ...over };
}

export async function fillEnterprise(page: Page, e: Enterprise) {
  await field(page, "name").fill(e.name);
  await field(page, "uscc").fill(e.uscc);
  await field(page, "legalRepName").fill(e.legalRepName);
  await field(page, "legalRepIdNumber").fill(e.legalRepIdNumber);
  await field(page, "legalRepPhone").fill(e.legalRepPhone);
  if (await field(page, "bankAccount").count()) {
    await field(page, "bankAccount").fill(e.bankAccount);
    await field(page, "bankName").fill("中国工商银行");
    await field(page, "bankBranch").fill("北京分行营业部");
  }
}

/** Confirms the micro-deposit with the code from the sandbox bank's memo (texted to the account's phone). */
export async function confirmDeposit(page: Page, request: APIRequestContext, userPhone: string, after: Date) {
  const code = await readSmsCode(request, userPhone, { after });
  await page.getByLabel(/附言中的 6 位验证码/).fill(code);
  await page.getByRole("button", { name: "提交验证码" }).click();
  await page.getByTestId("identity-check-panel").getByRole("link", { name: "继续" }).click();
}

export async function fillHandler(page: Page, h: { name: string; idNumber: string; phone: string; email: string }) {
  await field(page, "name").fill(h.name);
  await field(page, "idNumber").fill(h.idNumber);
  await field(page, "phone").fill(h.phone);
  await field(page, "email").fill(h.email);
}

/** The newest /authorize/<token> path texted to the legal representative. */
export async function readAuthorizationPath(request: APIRequestContext, phone: string): Promise<string> {
  let path: string | undefined;
  await expect
    .poll(async () => {
      const res = await request.get(`/api/dev/outbox?to=${phone}`);
      const { messages } = (await res.json()) as { messages: Array<{ body: string }> };
      path = messages.map((m) => m.body.match(/\/authorize\/[\w-]+/)?.[0]).find(Boolean);
      return path;
    }, { timeout: 15_000 })
    .toBeTruthy();
  return path!;
}

/** Pays on the payments domain's sandbox: the QR's pay URL opened on a "phone", then 确认付款. Ends on the order page. */
export async function paySandbox(page: Page, browser: Browser, orderId: string) {
  const panel = page.getByTestId("payment-panel");
  await panel.getByRole("button", { name: /支付宝/ }).click();
  const payUrl = await page.getByTestId("payment-qr").getAttribute("data-pay-url");
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: "zh-CN" });
  const p = await phone.newPage();
  await p.goto(new URL(payUrl!, page.url()).pathname);
  await settle(p);
  await p.getByRole("button", { name: "确认付款" }).click();
  await expect(p.getByText("付款成功")).toBeVisible();
  await phone.close();
  await settle(page, new RegExp(`/orders/${orderId}$`));
}

export { uniquePhone as uniquePhoneFor } from "./fixtures/auth";

// A 1×1 PNG: the materials domain sniffs the content type.
export const TINY_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

/** The legal representative opens the texted /authorize link on a phone and signs with an SMS code; returns the letter text. */
export async function legalRepSignsByLink(browser: Browser, request: APIRequestContext, legalRepPhone: string): Promise<string> {
  const path = await readAuthorizationPath(request, legalRepPhone);
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "zh-CN" });
  try {
    const mobile = await phone.newPage();
    await mobile.goto(path);
    await settle(mobile);
    const letter = (await mobile.getByTestId("letter").textContent()) ?? "";
    const codeAt = new Date(Date.now() - 1000);
    await mobile.getByTestId("auth-send-code").click();
    await mobile.getByTestId("auth-code").fill(await readSmsCode(phone.request, legalRepPhone, { after: codeAt }));
    await mobile.getByTestId("auth-agree").check();
    await mobile.getByTestId("auth-sign").click();
    await expect(mobile.getByTestId("auth-signed")).toBeVisible({ timeout: 30_000 });
    return letter;
  } finally {
    await phone.close();
  }
}

/** Step 6: the handler's SMS code and the agreement sign the application; ends on the pay step. */
export async function signApplication(page: Page, request: APIRequestContext, handlerPhone: string, orderId: string) {
  const signAt = new Date(Date.now() - 1000);
  await page.getByTestId("send-sign-code").click();
  await page.getByTestId("sign-code").fill(await readSmsCode(request, handlerPhone, { after: signAt }));
  await page.getByTestId("sign-agree").check();
  await page.getByTestId("sign-submit").click();
  await expect(page).toHaveURL(new RegExp(`/apply/unit/${orderId}/pay$`), { timeout: 30_000 });
}

/**
 * 认领 through the unit wizard, from the enterprise step to a paid order: micro-deposit, a handler who is not the
 * legal representative, default goods, materials, the legal rep's SMS link, the signature, sandbox payment.
 */
export async function claimThroughUnitWizard(page: Page, { request, browser, userPhone, e, orderId }: { request: APIRequestContext; browser: Browser; userPhone: string; e: Enterprise; orderId: string }) {
  await fillEnterprise(page, e);
  const sentAt = new Date(Date.now() - 1000);
  await page.getByTestId("next").click();
  await expect(page.getByTestId("verification")).toBeVisible({ timeout: 30_000 });
  await confirmDeposit(page, request, userPhone, sentAt);
  await settle(page, /\/handler$/);
  const handlerPhone = uniquePhone();
  await fillHandler(page, { name: "钱经办", idNumber: uniqueIdNumber(), phone: handlerPhone, email: "qian@example.com" });
  await page.getByTestId("next").click();
  await settle(page, /\/goods$/);
  await page.getByTestId("next").click();
  await settle(page, /\/confirm$/);
  await page.getByTestId("confirm").click();
  await settle(page, /\/materials$/);
  for (const input of await page.locator('input[type="file"]').all()) await input.setInputFiles({ name: "doc.png", mimeType: "image/png", buffer: TINY_PNG });
  await page.getByTestId("auth-mode-sms").check();
  await page.getByTestId("auth-send").click();
  await expect(page.getByTestId("auth-status")).toContainText("等待法定代表人签署", { timeout: 30_000 });
  await legalRepSignsByLink(browser, request, e.legalRepPhone);
  await expect(page.getByTestId("auth-status")).toContainText("法定代表人已签署", { timeout: 30_000 });
  await page.getByTestId("next").click();
  await settle(page, /\/sign$/);
  await signApplication(page, request, handlerPhone, orderId);
  await paySandbox(page, browser, orderId);
  return { handlerPhone };
}
