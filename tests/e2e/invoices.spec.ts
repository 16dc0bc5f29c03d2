import { expect, test } from "@playwright/test";
import { checkPage } from "./fixtures/page-checks";
import { applicantWithOrder, approveInConsole, consolePage, phoneContext } from "./fixtures/review";

test.describe.configure({ timeout: 150_000 });

// Issue 18, invoices: an approved (已完成) order's invoice asked for after payment on the desk, downloaded,
// re-issued (红冲 + a new one, all kept) and e-mailed; the console re-issues with a reason the phone shows.
test("invoice after payment: request, download, 红冲 + 重开, e-mail; console re-issue seen in 开票管理", async ({ browser, context, page }) => {
  const order = await applicantWithOrder(context);
  const console = await consolePage(browser);
  await approveInConsole(console, order.no);

  // Paid and approved, not downloaded yet: the 已通过 tab (the invoice is asked for once paid).
  await page.goto("/orders?tab=approved");
  await page.getByTestId(`invoice-${order.no}`).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${order.orderId}#invoice$`));
  await page.getByTestId("invoice-request").click();
  const request = page.getByTestId("invoice-request-form");
  await expect(request).toContainText("张三");
  // The wizard's e-mail is the default.
  await expect(page.getByTestId("invoice-request-form-email")).toHaveValue("e2e@example.test");
  await page.getByTestId("invoice-request-form-address").fill("北京市海淀区测试路 1 号");
  await page.getByTestId("invoice-request-form-submit").click();
  await expect(page.getByTestId("invoice-notice")).toContainText("已发送到 e2e@example.test");
  const first = page.locator('[data-testid^="invoice-"][data-state="current"]');
  await expect(first).toHaveCount(1);
  const firstNumber = (await first.getByTestId("invoice-number").textContent())!;
  const pdf = await context.request.get((await first.getByTestId("invoice-download").getAttribute("href"))!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // 重开发票: a red-letter note reverses the first one, a new one replaces it.
  await first.getByTestId("invoice-reissue").click();
  await page.getByTestId("invoice-reissue-form-email").fill("finance-e2e@example.test");
  await page.getByTestId("invoice-reissue-form-submit").click();
  await expect(page.getByTestId("invoice-notice")).toContainText("finance-e2e@example.test");
  await expect(page.locator('[data-kind="RED"][data-state="credit_note"]')).toContainText(`冲销发票 ${firstNumber}`);
  await expect(page.locator(`[data-testid="invoice-${firstNumber}"]`)).toHaveAttribute("data-state", "reversed");
  const current = page.locator('[data-testid^="invoice-"][data-state="current"]');
  await expect(current).toContainText(`替代发票 ${firstNumber}`);

  // 发送到邮箱, to another address (one per run: specs share the server's outbox).
  const copyTo = `copy-${order.no.toLowerCase()}@example.test`;
  await current.getByTestId("invoice-email").click();
  await current.getByTestId("invoice-email-to").fill(copyTo);
  await current.getByTestId("invoice-email-send").click();
  await expect(page.getByTestId("invoice-notice")).toContainText(`已发送到 ${copyTo}`);
  await expect
    .poll(async () => ((await (await context.request.get(`/api/dev/outbox?to=${copyTo}`)).json()) as { messages: unknown[] }).messages.length, { timeout: 20_000 })
    .toBe(1);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator("#invoice").screenshot({ path: "test-results/invoices-desk.png" });
  await checkPage(page, "desk-order-invoices");

  // The console finds the order's invoices and re-issues the current one with a reason.
  await console.goto(`/console/invoices?q=${order.no}`);
  await expect(console.locator('[data-testid^="invoice-open-"]')).toHaveCount(3);
  await checkPage(console, "console-invoices");
  const currentNumber = (await current.getByTestId("invoice-number").textContent())!;
  await console.getByTestId(`invoice-open-${currentNumber}`).click();
  await console.getByTestId("console-reissue-note").fill("购买方来电更正地址");
  await console.getByTestId("console-reissue-address").fill("北京市朝阳区更正路 2 号");
  await console.getByTestId("console-reissue-submit").click();
  await expect(console.getByTestId("console-reissue-done")).toBeVisible();
  await expect(console.locator('[data-state="current"]')).toContainText("客服说明：购买方来电更正地址");
  await checkPage(console, "console-invoice");

  // 我的 → 开票管理 on the phone (the same account): five documents, the note on the current one.
  const phone = await phoneContext(browser);
  await phone.addCookies(await context.cookies());
  const m = await phone.newPage();
  await m.goto("/m/me");
  await m.getByTestId("me-invoices").click();
  await expect(m.getByTestId(`invoice-order-${order.no}`)).toContainText("已开票");
  await checkPage(m, "m-me-invoices");
  await m.getByTestId(`invoice-order-${order.no}`).click();
  await expect(m.locator('[data-testid^="invoice-"][data-kind]')).toHaveCount(5);
  await expect(m.locator('[data-state="current"]')).toContainText("客服说明：购买方来电更正地址");
  await m.screenshot({ path: "test-results/invoices-phone.png", fullPage: true });
  await checkPage(m, "m-me-invoice");
  await phone.close();
  await console.context().close();
});
