import { expect as baseExpect, test } from "@playwright/test";
import { loginAs, uniquePhone } from "./fixtures/auth";
import { paySandbox, settle, confirmDeposit, enterprise, field, fillEnterprise, fillHandler, legalRepSignsByLink, signApplication, startUnit, TINY_PNG, uniqueIdNumber } from "./wizard-helpers";

// Dev servers on a shared, busy machine answer slowly: generous waits, no fixed sleeps.
const expect = baseExpect.configure({ timeout: 30_000 });

test("unit wizard: micro-deposit, handler, goods, legal rep signs by SMS link on a phone, signature, payment", async ({ page, context, browser }) => {
  test.setTimeout(600_000);
  const userPhone = await loginAs(context);
  const orderId = await startUnit(page);

  // Step 2: omissions and a bad check character are reported next to the fields.
  const e = enterprise();
  await fillEnterprise(page, { ...e, uscc: `${e.uscc.slice(0, 17)}${e.uscc[17] === "0" ? "1" : "0"}` });
  await field(page, "legalRepName").fill("");
  await page.getByTestId("next").click();
  await expect(page.getByText("统一社会信用代码不正确")).toBeVisible();
  await expect(page.getByText("请输入正确的姓名")).toBeVisible();
  await fillEnterprise(page, e);
  const sentAt = new Date(Date.now() - 1000);
  await page.getByTestId("next").click();
  await expect(page.getByTestId("verification")).toBeVisible();
  await confirmDeposit(page, context.request, userPhone, sentAt);
  await settle(page, /\/handler$/);

  // Step 3: a handler who is not the legal representative (phone real-name check passes at once).
  const handlerPhone = uniquePhone();
  await fillHandler(page, { name: "钱经办", idNumber: uniqueIdNumber(), phone: handlerPhone, email: "qian@example.com" });
  await page.getByTestId("next").click();
  await settle(page, /\/goods$/);

  // Step 4: price from the channel, shown in yuan.
  await page.getByTestId("years-2").check();
  await expect(page.getByTestId("total")).toHaveText("¥680.00");
  await page.getByTestId("next").click();
  await settle(page, /\/confirm$/);
  await expect(page.getByText(e.uscc)).toBeVisible();
  await page.getByTestId("confirm").click();
  await settle(page, /\/materials$/);

  // Step 5: uploads, then the legal rep signs on their phone in another browser.
  for (const input of await page.locator('input[type="file"]').all()) {
    await input.setInputFiles({ name: "doc.png", mimeType: "image/png", buffer: TINY_PNG });
  }
  await page.getByTestId("auth-mode-sms").check();
  await page.getByTestId("auth-send").click();
  await expect(page.getByTestId("auth-status")).toContainText("等待法定代表人签署");

  const letter = await legalRepSignsByLink(browser, context.request, e.legalRepPhone);
  expect(letter).toContain(e.name);

  await expect(page.getByTestId("auth-status")).toContainText("法定代表人已签署");
  await page.getByTestId("next").click();
  await settle(page, /\/sign$/);

  // Step 6: the handler's SMS code + agreement sign the application.
  await signApplication(page, context.request, handlerPhone, orderId);
  await expect(page.getByTestId("payment-amount")).toContainText("680.00");

  // Payment: the order waits for review, and the user is told how long.
  await paySandbox(page, browser, orderId);
  await expect(page.getByTestId("order-notice")).toContainText("3–5 个工作日");
  await expect(page.getByTestId("timeline")).toContainText("法定代表人签署授权书");
  await expect(page.getByTestId("timeline")).toContainText("支付成功");
});

