import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { readStore } from "./fixtures/indexeddb";
import { checkPage } from "./fixtures/page-checks";
import { applicantWithOrder, consolePage, phoneContext } from "./fixtures/review";
import { field, settle } from "./wizard-helpers";

test.describe.configure({ timeout: 180_000 });

/** A key record in the phone's key store, as a download leaves one (the record's content is not read here). */
function seedKeyRecord(page: Page, certificateId: string) {
  return page.evaluate(
    (certificateId) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open("certdesk-keys", 1);
        req.onupgradeneeded = () => req.result.createObjectStore("shares", { keyPath: "keyShareId" }).createIndex("certificateId", "certificateId", { unique: true });
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction("shares", "readwrite");
          tx.objectStore("shares").put({ keyShareId: `ks-${certificateId}`, usage: "SIGN", certificateId, serialHex: "01", publicKey: "04", wrapped: {}, createdAt: new Date().toISOString() });
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
        };
      }),
    certificateId,
  );
}

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

// Issue 18, 我的 (seed manuals): the profile, 账单管理 with a receipt, 银行卡管理 add + unbind, 设置 (password →
// password login on the phone; 清除缓存 keeps the key records unless the warning is confirmed), 我的反馈 with a
// screenshot answered from the console inbox, 使用帮助 and 电话咨询. At 390 px.
test("我的 on the phone: profile, bills, bank cards, settings, cache, password login, feedback answered", async ({ browser }) => {
  const phone = await phoneContext(browser);
  const order = await applicantWithOrder(phone);
  const page = await phone.newPage();
  expect(page.viewportSize()?.width).toBe(390);

  await page.goto("/m/me/real-name");
  await settle(page);
  await field(page, "name").fill("张三");
  await field(page, "idNumber").fill(order.idNumber);
  await page.getByTestId("real-name-submit").click();
  await expect(page.getByTestId("real-name-result")).toContainText("实名认证已通过", { timeout: 30_000 });

  await page.goto("/m/me");
  await expect(page.getByTestId("me-name")).toHaveText("张三");
  await expect(page.getByTestId("me-real-name")).toHaveText("已实名认证 · 张三");
  await expect(page.getByTestId("me-orgs")).toHaveText("未加入企业");
  await expect(page.getByTestId("me-call")).toHaveAttribute("href", /^tel:\d+/);
  await shot(page, "phone-me");
  await checkPage(page, "m-me");

  // 账单管理: the fixture order's payment, with its receipt.
  await page.getByTestId("me-bills").click();
  const bill = page.getByTestId(`bill-${order.no}`);
  await expect(bill).toContainText("¥98.00");
  await expect(bill).toContainText("已支付");
  const receipt = await phone.request.get((await bill.getByTestId("bill-receipt").getAttribute("href"))!);
  expect(receipt.headers()["content-type"]).toBe("application/pdf");
  await shot(page, "phone-bills");
  await checkPage(page, "m-me-bills");

  // 银行卡管理: add by 四要素, then unbind after the inline confirmation.
  await page.goto("/m/me/cards");
  await page.getByTestId("bank-card-add").click();
  await page.getByTestId("bank-card-id").fill(order.idNumber);
  await page.getByTestId("bank-card-number").fill("6200 0000 0000 0005");
  await page.getByTestId("bank-card-bank").fill("中国银联测试银行");
  await page.getByTestId("bank-card-submit").click();
  const card = page.getByTestId("bank-card-0005");
  await expect(card).toContainText("已核验 · 银行卡四要素");
  await expect(card).toContainText("6200 **** **** 0005");
  await shot(page, "phone-cards");
  await checkPage(page, "m-me-cards");
  await card.getByTestId("bank-card-unbind").click();
  await card.getByTestId("bank-card-confirm-unbind").click();
  await expect(page.getByTestId("cards-notice")).toHaveText("已解绑 6200 **** **** 0005");
  await expect(page.getByTestId("bank-card-0005")).toHaveCount(0);

  // 设置: a password, then 清除缓存 — the key record stays unless the warning is confirmed.
  await page.goto("/m/me/settings");
  await settle(page);
  const password = page.getByTestId("password-form");
  await password.getByLabel(/^新密码/).fill("phone-pass-2026");
  await password.getByLabel("确认新密码").fill("phone-pass-2026");
  await password.getByRole("button", { name: "设置密码" }).click();
  await expect(page.getByTestId("password-result")).toContainText("密码已保存");
  await seedKeyRecord(page, "cert-e2e-1");
  await page.reload();
  await expect(page.getByTestId("cache-keys")).toHaveText("本机保存了 1 个证书密钥，清除缓存不会删除它们。");
  await page.getByTestId("cache-clear").click();
  await expect(page.getByTestId("cache-result")).toContainText("本机的 1 个证书密钥已保留");
  expect(await readStore(page, "certdesk-keys", "shares")).toHaveLength(1);
  await page.getByTestId("cache-with-keys").check();
  await expect(page.getByTestId("cache-keys-warning")).toContainText("找回证书");
  await shot(page, "phone-settings-cache-warning");
  await checkPage(page, "m-me-settings");
  await page.getByTestId("cache-clear-keys").click();
  await expect(page.getByTestId("cache-result")).toContainText("删除了本机的 1 个证书密钥");
  expect(await readStore(page, "certdesk-keys", "shares")).toHaveLength(0);

  // Password login on the phone.
  await page.goto("/m/me");
  await page.getByTestId("logout").click();
  await page.goto("/m/login");
  await settle(page);
  await page.getByTestId("login-tab-password").click();
  await checkPage(page, "m-login-password");
  await page.getByTestId("password-phone").fill(order.phone);
  await page.getByTestId("password").fill("phone-pass-2026");
  await page.getByTestId("password-login").click();
  await settle(page, /\/m$/);

  // 我的反馈 with a screenshot; the console answers; the phone shows the answer.
  const body = `扫码登录后一直显示等待确认 ${order.no}`;
  await page.goto("/m/me/feedback");
  await settle(page);
  await page.getByTestId("feedback-body").fill(body);
  const png = await sharp({ create: { width: 120, height: 200, channels: 3, background: "#2266aa" } }).png().toBuffer();
  await page.getByTestId("feedback-file").setInputFiles({ name: "screen.png", mimeType: "image/png", buffer: png });
  await page.getByTestId("feedback-submit").click();
  await expect(page.getByTestId("feedback-done")).toBeVisible();
  await expect(page.getByTestId("feedback-item").first()).toHaveAttribute("data-status", "OPEN");
  const console = await consolePage(browser);
  await console.goto("/console/feedback");
  await console.getByRole("row", { name: new RegExp(order.no) }).getByTestId("feedback-open").click();
  await expect(console.getByTestId("console-feedback-body")).toHaveText(body);
  await expect(console.getByTestId("console-feedback-shot")).toHaveJSProperty("naturalWidth", 120);
  await console.getByTestId("feedback-answer-text").fill("请在手机上打开「消息」确认登录请求。");
  await console.getByTestId("feedback-answer-submit").click();
  await expect(console.getByTestId("console-feedback-answer")).toContainText("确认登录请求");
  await checkPage(console, "console-feedback-detail");
  await page.reload();
  await expect(page.getByTestId("feedback-answer")).toContainText("请在手机上打开「消息」确认登录请求。");
  await shot(page, "phone-feedback");
  await checkPage(page, "m-me-feedback");

  await page.goto("/m/me/help");
  await expect(page.getByTestId("help-invoice")).toBeVisible();
  await shot(page, "phone-help");
  await checkPage(page, "m-me-help");
  await console.context().close();
  await phone.close();
});
