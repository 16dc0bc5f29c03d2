import path from "node:path";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { readSmsCode } from "./fixtures/auth";
import { holderWithCertificate, phoneContext } from "./fixtures/review";
import { paySandbox, settle } from "./wizard-helpers";
import { checkPage } from "./fixtures/page-checks";

// Issue 13, renewal in Chromium: a certificate 30 days from expiry (moved through the E2E-only fixture
// route) shows 即将过期 and 续期 on the phone at 390 px; the desk's /renew at 1280 px starts the RENEW
// wizard (certificate information read-only → the holder's real-name check → goods → confirm → SMS signature → payment, approved at
// once); the phone's next opening downloads the renewed certificate with the PIN (登录后自动更新).

const expect = baseExpect.configure({ timeout: 30_000 });
const shotPath = (name: string) => (process.env.SCREENSHOT_DIR ? path.join(process.env.SCREENSHOT_DIR, name) : test.info().outputPath(name));
const shot = (page: Page, name: string) => page.screenshot({ path: shotPath(name), fullPage: true });

test("renewal within 90 days: 即将过期 on the phone → desk /renew → wizard → paid, approved → the phone picks the new certificate up", async ({ browser }) => {
  test.setTimeout(600_000);
  const phoneCtx = await phoneContext(browser);
  const { order, page: phone, certId } = await holderWithCertificate(browser, phoneCtx);
  const moved = await phoneCtx.request.post("/api/dev/lifecycle-renew", { data: { certificateId: certId, daysLeft: 30 } });
  expect(moved.ok(), await moved.text()).toBeTruthy();

  // Phone, 390 px: 即将过期 with 续期 on 我的证书, the hint on the certificate page.
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto("/m/certs");
  const card = phone.getByTestId("cert-card").first();
  await expect(card).toContainText("即将过期");
  await expect(phone.getByTestId(`renew-link-${certId}`)).toBeVisible();
  await shot(phone, "renew-phone-certs-390.png");
  await phone.goto(`/m/certs/${certId}`);
  await expect(phone.getByTestId("renew-hint")).toContainText("续期");
  await shot(phone, "renew-phone-cert-390.png");

  // Desk, 1280 px: the same account (its session: a second SMS login within a minute is rate-limited).
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", storageState: await phoneCtx.storageState() });
  const page = await desk.newPage();
  await page.goto("/renew");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("证书更新");
  await shot(page, "renew-desk-list-1280.png");
  await page.waitForLoadState("networkidle");
  await page.getByTestId(`renew-${certId}`).click();
  await settle(page, /\/apply\/renew-individual\/[^/]+\/renew-info$/);
  await checkPage(page, "renew-info");
  const orderId = page.url().split("/").at(-2)!;
  await expect(page.getByTestId("renew-info")).toContainText("张三");
  await shot(page, "renew-desk-info-1280.png");
  await page.getByTestId("renew-info-next").click();
  // The holder's own real-name check, prefilled with the certificate's person; PHONE3 answers at once.
  await settle(page, /\/person$/);
  await shot(page, "renew-desk-person-1280.png");
  await page.getByTestId("next").click();
  await settle(page, /\/goods$/);
  await page.getByTestId("next").click();
  await settle(page, /\/confirm$/);
  await page.getByTestId("confirm").click();
  await settle(page, /\/sign$/);
  const at = new Date(Date.now() - 1000);
  await page.getByTestId("send-sign-code").click();
  await page.getByTestId("sign-code").fill(await readSmsCode(desk.request, order.phone, { after: at }));
  await page.getByTestId("sign-agree").check();
  await page.getByTestId("sign-submit").click();
  await settle(page, /\/pay$/);
  await paySandbox(page, browser, orderId);
  await expect(page.getByTestId("order-notice")).toContainText("已通过");
  await page.goto("/renew");
  await expect(page.getByText("续期办理中").or(page.getByText("已续期")).first()).toBeVisible();

  // The phone's next opening: straight to the download of the renewal, PIN, done.
  await phone.goto("/m");
  await expect(phone).toHaveURL(new RegExp(`/m/download/${orderId}`));
  await phone.waitForLoadState("networkidle");
  await phone.getByTestId("pin").fill("285714");
  await phone.getByTestId("confirm-pin").fill("285714");
  await phone.getByTestId("download").click();
  await expect(phone.getByTestId("download-done")).toBeVisible({ timeout: 45_000 });
  await shot(phone, "renew-phone-downloaded-390.png");
  await phone.goto("/m/certs");
  await expect(phone.getByTestId("cert-card")).toHaveCount(2);
  await desk.close();
  await phoneCtx.close();
});
