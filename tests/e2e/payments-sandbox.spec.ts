import { expect, test } from "@playwright/test";
import { loginAs } from "./fixtures/auth";

// Several contexts and a dev server compiling on first use: give each test room.
test.describe.configure({ timeout: 180_000 });
const SLOW = { timeout: 30_000 };

async function sandboxOrder(request: import("@playwright/test").APIRequestContext) {
  const res = await request.post("/api/dev/sandbox-order", { data: { priceFen: 30_000, invoiceEmail: "finance@example.com" } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { orderId: string; orderNo: string };
}

test("pay with the sandbox WeChat Pay QR: the phone confirms, the desk moves on to the order", async ({ page, context, browser, baseURL }) => {
  await loginAs(context);
  const { orderId, orderNo } = await sandboxOrder(context.request);
  await page.goto(`/apply/unit/${orderId}/pay`);
  await expect(page.getByTestId("payment-amount")).toHaveText("¥300.00", SLOW);
  await page.getByRole("button", { name: "微信支付" }).click();
  const qr = page.getByTestId("payment-qr");
  await expect(qr).toBeVisible(SLOW);
  const payUrl = (await qr.getAttribute("data-pay-url"))!;
  expect(payUrl).toMatch(/\/pay\/sandbox\/\w+$/);

  // Scanning the QR opens the confirm page on a phone, without a login.
  const phone = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "zh-CN" });
  const m = await phone.newPage();
  await m.goto(new URL(payUrl).pathname);
  await expect(m.getByTestId("sandbox-pay-amount")).toHaveText("¥300.00", SLOW);
  await expect(m.getByText(`订单号 ${orderNo}`)).toBeVisible();
  await m.getByRole("button", { name: "确认付款" }).click();
  await expect(m.getByTestId("sandbox-paid")).toBeVisible(SLOW);

  await page.waitForURL(new RegExp(`/orders/${orderId}$`), { timeout: 60_000 });
  const paymentId = new URL(payUrl).pathname.split("/").pop()!;
  const status = (await (await context.request.get(`/api/payments/${paymentId}`)).json()) as { status: string; orderStatus: string };
  expect(status.status).toBe("SUCCEEDED");
  expect(status.orderStatus).not.toBe("AWAITING_PAYMENT");
  await phone.close();
});

test("a double tap on the sandbox confirm button pays once", async ({ context, browser, baseURL }) => {
  await loginAs(context);
  const { orderId } = await sandboxOrder(context.request);
  // Two clicks on 支付宝 (or two tabs) give one payment.
  const [a, b] = await Promise.all([
    context.request.post(`/api/orders/${orderId}/payments`, { data: { method: "alipay" } }),
    context.request.post(`/api/orders/${orderId}/payments`, { data: { method: "alipay" } }),
  ]);
  const pa = (await a.json()) as { paymentId: string; payUrl: string };
  const pb = (await b.json()) as { paymentId: string };
  expect(pa.paymentId).toBe(pb.paymentId);

  const phone = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true });
  const [m1, m2] = [await phone.newPage(), await phone.newPage()];
  await Promise.all([m1.goto(new URL(pa.payUrl).pathname), m2.goto(new URL(pa.payUrl).pathname)]);
  await expect(m1.locator("main")).toHaveAttribute("data-method", "alipay", SLOW);
  await Promise.all([m1.getByRole("button", { name: "确认付款" }).click(), m2.getByRole("button", { name: "确认付款" }).click()]);
  await expect(m1.getByTestId("sandbox-paid")).toBeVisible(SLOW);
  await expect(m2.getByTestId("sandbox-paid")).toBeVisible(SLOW);
  const status = (await (await context.request.get(`/api/payments/${pa.paymentId}`)).json()) as { status: string };
  expect(status.status).toBe("SUCCEEDED");
  // Paying again is refused: the order no longer awaits payment.
  const again = await context.request.post(`/api/orders/${orderId}/payments`, { data: { method: "wechat_pay" } });
  expect(again.status()).toBe(409);
  await phone.close();
});
