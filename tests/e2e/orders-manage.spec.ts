import { expect as baseExpect, test } from "@playwright/test";
import { loginAs } from "./fixtures/auth";
import { enterprise, field, fillEnterprise, fillHandler, paySandbox, settle, startUnit, uniqueIdNumber, uniquePhoneFor } from "./wizard-helpers";

const expect = baseExpect.configure({ timeout: 30_000 });

test("interrupt and resume from 订单管理; a second application for the same USCC offers to cancel the old one", async ({ page, context }) => {
  test.setTimeout(600_000);
  await loginAs(context);
  const firstId = await startUnit(page);
  const e = enterprise();
  await fillEnterprise(page, e);
  await page.getByTestId("next").click();
  await expect(page.getByTestId("verification")).toBeVisible();
  const firstNo = (await page.getByTestId("order-no").textContent())!.replace(/\D*(CD\d+).*/, "$1");

  // The tab is closed; later the user finds the draft under 订单管理 → 未完成 and continues.
  await page.close();
  const again = await context.newPage();
  await again.goto("/orders?tab=unfinished");
  await settle(again);
  await expect(again.getByTestId("order-row-no").filter({ hasText: firstNo })).toBeVisible();
  await again.getByTestId(`continue-${firstNo}`).click();
  await settle(again, new RegExp(`/apply/unit/${firstId}/enterprise$`));
  await expect(again.getByTestId("identity-check-panel")).toBeVisible();
  await expect(field(again, "uscc")).toHaveValue(e.uscc);

  // A new application for the same USCC: the dialog offers to cancel the old one, then continues.
  const secondId = await startUnit(again);
  expect(secondId).not.toBe(firstId);
  await fillEnterprise(again, e);
  await again.getByTestId("next").click();
  await expect(again.getByTestId("busy-dialog")).toContainText(firstNo);
  await again.getByTestId("busy-cancel-old").click();
  await expect(again.getByTestId("verification")).toBeVisible();
  await again.goto("/orders?tab=cancelled");
  await expect(again.getByTestId("order-row-no").filter({ hasText: firstNo })).toBeVisible();
});

test("verification failure → the page says which check failed → 线下邮寄: print form, pay, wait for the paper", async ({ page, context, browser }) => {
  test.setTimeout(600_000);
  await loginAs(context);
  const orderId = await startUnit(page);
  // The sandbox bounces every micro-deposit to this account (lib/identity/sandbox-identities.ts).
  await fillEnterprise(page, enterprise({ bankAccount: "11111111111111111111" }));
  await page.getByTestId("next").click();
  await expect(page.getByTestId("verify-failed")).toContainText("对公账户打款核验未通过");
  await page.getByTestId("switch-offline").click();
  await settle(page, /\/handler$/);
  await expect(page.getByText("线下邮寄").first()).toBeVisible();

  await fillHandler(page, { name: "周经办", idNumber: uniqueIdNumber(), phone: uniquePhoneFor(), email: "zhou@example.com" });
  await page.getByTestId("next").click();
  await settle(page, /\/goods$/);
  await page.getByTestId("next").click();
  await settle(page, /\/confirm$/);
  await page.getByTestId("confirm").click();
  await settle(page, /\/pay$/);
  await expect(page.getByTestId("mailing-address")).toContainText("演示路1号");
  const pdf = await page.request.get(`/api/orders/${orderId}/application-form`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");

  await paySandbox(page, browser, orderId);
  await expect(page.getByTestId("order-notice")).toContainText("演示路1号");
  await expect(page.getByText("待收纸质材料").first()).toBeVisible();
});
