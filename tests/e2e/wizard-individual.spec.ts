import { expect as baseExpect, test } from "@playwright/test";
import { loginAs, readSmsCode, uniquePhone } from "./fixtures/auth";
import { field, paySandbox, settle, uniqueIdNumber } from "./wizard-helpers";
import { checkPage } from "./fixtures/page-checks";

const expect = baseExpect.configure({ timeout: 30_000 });

test("individual wizard: phone real-name check, goods, ID uploads, SMS signature, payment → auto-approved", async ({ page, context, browser }) => {
  test.setTimeout(600_000);
  await loginAs(context);
  await page.goto("/apply/individual");
  await page.getByTestId("start").click();
  await settle(page, /\/apply\/individual\/[^/]+\/method$/);
  const orderId = page.url().split("/")[5]!;
  await checkPage(page, "individual-method");
  // The method step speaks to a person: no 单位 (its lead said 验证单位真实身份).
  await expect(page.locator("main")).not.toContainText("单位");
  await page.getByTestId("method-PHONE3").check();
  await page.getByTestId("agree").check();
  await page.getByTestId("next").click();
  await settle(page, /\/person$/);
  await checkPage(page, "individual-person");

  const phone = uniquePhone();
  await field(page, "name").fill("孙个人");
  await field(page, "idNumber").fill(uniqueIdNumber());
  await field(page, "phone").fill(phone);
  await field(page, "email").fill("sun@example.com");
  await page.getByTestId("next").click();
  // PHONE3 answers at once: straight on to the goods.
  await settle(page, /\/goods$/);
  await expect(page.getByTestId("total")).toHaveText("¥98.00");
  await checkPage(page, "individual-goods");
  await page.getByTestId("next").click();
  await settle(page, /\/confirm$/);
  await checkPage(page, "individual-confirm");
  await page.getByTestId("confirm").click();
  await settle(page, /\/materials$/);
  await checkPage(page, "individual-materials");

  for (const input of await page.locator('input[type="file"]').all()) {
    await input.setInputFiles({ name: "id.png", mimeType: "image/png", buffer: PNG });
  }
  await expect(page.getByTestId("material-ID_BACK")).toContainText("id.png");
  await page.getByTestId("next").click();
  await settle(page, /\/sign$/);
  await checkPage(page, "individual-sign");
  await expect(page.locator("main")).not.toContainText("经办人");

  const at = new Date(Date.now() - 1000);
  await page.getByTestId("send-sign-code").click();
  await page.getByTestId("sign-code").fill(await readSmsCode(context.request, phone, { after: at }));
  await page.getByTestId("sign-agree").check();
  await page.getByTestId("sign-submit").click();
  await settle(page, /\/pay$/);
  await expect(page.getByText("支付后证书申请将自动审核通过")).toBeVisible();
  await checkPage(page, "individual-pay");

  await paySandbox(page, browser, orderId);
  await expect(page.getByTestId("order-notice")).toContainText("已通过");
  await expect(page.getByTestId("timeline")).toContainText("自动审核通过");
  await checkPage(page, "individual-order");
});

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
