import { expect as baseExpect, test } from "@playwright/test";
import { loginAs, uniquePhone } from "./fixtures/auth";
import { checkPage } from "./fixtures/page-checks";
import { paySandbox, settle, confirmDeposit, enterprise, field, fillEnterprise, fillHandler, legalRepSignsByLink, signApplication, startUnit, TINY_PNG, uniqueIdNumber } from "./wizard-helpers";

// Dev servers on a shared, busy machine answer slowly: generous waits, no fixed sleeps.
const expect = baseExpect.configure({ timeout: 30_000 });

test("unit wizard: micro-deposit, handler, goods, legal rep signs by SMS link on a phone, signature, payment", async ({ page, context, browser }) => {
  test.setTimeout(600_000);
  const userPhone = await loginAs(context);
  await page.goto("/apply/unit");
  await checkPage(page, "unit-start");
  const orderId = await startUnit(page);
  await checkPage(page, "unit-enterprise");

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
  // The deposit card stands apart from the form's buttons (it was glued under 保存并继续).
  const buttonsBottom = await page.getByTestId("next").evaluate((b) => b.getBoundingClientRect().bottom);
  const cardTop = await page.getByTestId("verification").evaluate((c) => c.getBoundingClientRect().top);
  expect(cardTop - buttonsBottom).toBeGreaterThanOrEqual(24);
  await checkPage(page, "unit-enterprise-deposit");
  await confirmDeposit(page, context.request, userPhone, sentAt);
  await settle(page, /\/handler$/);
  await checkPage(page, "unit-handler");

  // Step 3: a handler who is not the legal representative (phone real-name check passes at once).
  const handlerPhone = uniquePhone();
  await fillHandler(page, { name: "钱经办", idNumber: uniqueIdNumber(), phone: handlerPhone, email: "qian@example.com" });
  await page.getByTestId("next").click();
  await settle(page, /\/goods$/);

  // Step 4: price from the channel, shown in yuan.
  await page.getByTestId("years-2").check();
  await expect(page.getByTestId("total")).toHaveText("¥680.00");
  // The invoice's bank and account come from the 对公账户 of step 2 (typed once).
  await expect(field(page, "invoice.bank")).toHaveValue("中国工商银行 北京分行营业部");
  await expect(field(page, "invoice.account")).toHaveValue(e.bankAccount);
  await checkPage(page, "unit-goods");
  await page.getByTestId("next").click();
  await settle(page, /\/confirm$/);
  await expect(page.getByText(e.uscc)).toBeVisible();
  await checkPage(page, "unit-confirm");
  await page.getByTestId("confirm").click();
  await settle(page, /\/materials$/);

  // Step 5: uploads, then the legal rep signs on their phone in another browser.
  for (const input of await page.locator('input[type="file"]').all()) {
    await input.setInputFiles({ name: "doc.png", mimeType: "image/png", buffer: TINY_PNG });
  }
  await page.getByTestId("auth-mode-sms").check();
  await page.getByTestId("auth-send").click();
  await expect(page.getByTestId("auth-status")).toContainText("等待法定代表人签署");
  await checkPage(page, "unit-materials");

  const letter = await legalRepSignsByLink(browser, context.request, e.legalRepPhone);
  expect(letter).toContain(e.name);

  await expect(page.getByTestId("auth-status")).toContainText("法定代表人已签署");
  await page.getByTestId("next").click();
  await settle(page, /\/sign$/);
  await checkPage(page, "unit-sign");

  // Step 6: the handler's SMS code + agreement sign the application.
  await signApplication(page, context.request, handlerPhone, orderId);
  await expect(page.getByTestId("payment-amount")).toContainText("680.00");
  await checkPage(page, "unit-pay");

  // Payment: the order waits for review, and the user is told how long.
  await paySandbox(page, browser, orderId);
  await expect(page.getByTestId("order-notice")).toContainText("3–5 个工作日");
  await expect(page.getByTestId("timeline")).toContainText("法定代表人签署授权书");
  await expect(page.getByTestId("timeline")).toContainText("支付成功");
});


test("a legal representative applying themselves: named agreements open, no second check, the e-mail is remembered", async ({ page, context }) => {
  test.setTimeout(300_000);
  const userPhone = await loginAs(context);
  await page.goto("/apply/unit");
  await page.getByTestId("start").click();
  await settle(page, /\/method$/);
  await checkPage(page, "unit-method");
  // The agreements named beside the checkbox open their versioned text; opening one does not tick the box.
  await page.getByTestId("agreement-user").click();
  const dialog = page.getByRole("dialog", { name: "云证书用户服务协议" });
  await expect(dialog).toContainText("版本：1.0");
  await checkPage(page, "unit-method-agreement-dialog");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await page.getByTestId("agreement-privacy").click();
  await expect(page.getByRole("dialog", { name: "云证书隐私政策" })).toContainText("个人信息");
  await page.getByTestId("dialog-close").click();
  await expect(page.getByTestId("agree")).not.toBeChecked();
  // The unit's method is the legal representative's own check, named as on the home page.
  await expect(page.getByTestId("method-PHONE3").locator("xpath=..")).toContainText("法定代表人手机号三要素");
  await page.getByTestId("method-PHONE3").check();
  await page.getByTestId("agree").check();
  await page.getByTestId("next").click();
  await settle(page, /\/enterprise$/);

  // The user is the legal representative: their phone-number check passes at step 2.
  await fillEnterprise(page, enterprise({ legalRepPhone: userPhone }));
  await page.getByTestId("next").click();
  await settle(page, /\/handler$/);
  await page.getByTestId("handler-is-legal-rep").check();
  await expect(page.getByTestId("handler-checked-already")).toContainText("已通过法定代表人手机号三要素核验，无需再次核验");
  await expect(page.getByTestId("handler-method-PHONE3")).toHaveCount(0);
  await checkPage(page, "unit-handler-legal-rep");
  await field(page, "email").fill("faren@example.com");
  await page.getByTestId("next").click();
  await settle(page, /\/goods$/);

  // A later application starts from the account: its phone and the e-mail given above.
  await page.goto("/apply/individual");
  await page.getByTestId("start").click();
  await settle(page, /\/method$/);
  await page.getByTestId("method-PHONE3").check();
  await page.getByTestId("agree").check();
  await page.getByTestId("next").click();
  await settle(page, /\/person$/);
  await expect(field(page, "email")).toHaveValue("faren@example.com");
  await expect(field(page, "phone")).toHaveValue(userPhone);
});
