import path from "node:path";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { holderWithCertificate, phoneContext } from "./fixtures/review";
import { field, settle } from "./wizard-helpers";

// Issue 13, 重新申请 on the phone (390 px): a certificate moved past its notAfter through the E2E-only
// fixture route (no waiting) is listed under 已失效 with 重新申请, which opens a new application's wizard
// with the stored data prefilled (reapplyCertificate, as the desk's lookup does).

const expect = baseExpect.configure({ timeout: 30_000 });
const shotPath = (name: string) => (process.env.SCREENSHOT_DIR ? path.join(process.env.SCREENSHOT_DIR, name) : test.info().outputPath(name));
const shot = (page: Page, name: string) => page.screenshot({ path: shotPath(name), fullPage: true });

test("phone 已失效 → 重新申请 → the new order's wizard, prefilled with the expired certificate's person", async ({ browser }) => {
  test.setTimeout(600_000);
  const phoneCtx = await phoneContext(browser);
  const { order, page: phone, certId, console } = await holderWithCertificate(browser, phoneCtx);
  await phone.setViewportSize({ width: 390, height: 844 });

  // Still valid: no 重新申请 anywhere on 我的证书.
  await phone.goto("/m/certs");
  await expect(phone.getByTestId("cert-card")).toHaveCount(1);
  await expect(phone.getByTestId(`reapply-${certId}`)).toHaveCount(0);

  const moved = await phoneCtx.request.post("/api/dev/lifecycle-renew", { data: { certificateId: certId, daysLeft: -1 } });
  expect(moved.ok(), await moved.text()).toBeTruthy();
  await phone.goto("/m/certs");
  await expect(phone.getByTestId("cert-card")).toHaveCount(0);
  await phone.goto("/m/certs?tab=expired");
  await settle(phone);
  await expect(phone.getByTestId("cert-card")).toContainText("已失效");
  const button = phone.getByTestId(`reapply-${certId}`);
  await expect(button).toHaveText("重新申请");
  const box = (await button.boundingBox())!;
  expect(box.width).toBeGreaterThan(300);
  await shot(phone, "reapply-phone-expired-390.png");

  await button.click();
  await settle(phone, /\/apply\/individual\/[^/]+\/method$/);
  const newOrderId = phone.url().split("/").at(-2)!;
  expect(newOrderId).not.toBe(order.orderId);
  await shot(phone, "reapply-phone-method-390.png");
  // The agreement is accepted again (not copied); the person comes prefilled from the expired certificate's order.
  await phone.getByTestId("agree").check();
  await phone.getByTestId("next").click();
  await settle(phone, /\/person$/);
  await expect(field(phone, "name")).toHaveValue("张三");
  await expect(field(phone, "idNumber")).toHaveValue(order.idNumber);
  await expect(field(phone, "phone")).toHaveValue(order.phone);
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await shot(phone, "reapply-phone-person-390.png");

  // A second 重新申请 opens no second order: one unfinished order per subject, and it says which.
  await phone.goto("/m/certs?tab=expired");
  await settle(phone);
  await phone.getByTestId(`reapply-${certId}`).click();
  await expect(phone.getByText("该主体已有未完成的申请")).toBeVisible();
  await expect(phone).toHaveURL(/\/m\/certs\?tab=expired$/);
  await phoneCtx.close();
  await console.context().close();
});
