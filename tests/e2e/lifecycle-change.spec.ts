import path from "node:path";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { loginAs } from "./fixtures/auth";
import { issuingCa, ocsp } from "./fixtures/openssl";
import { consolePage } from "./fixtures/review";
import { claimThroughUnitWizard, confirmDeposit, enterprise, paySandbox, settle, startUnit } from "./wizard-helpers";
import { approveInConsole, downloadOnPhone } from "./fixtures/review";
import { answerConfirm } from "./fixtures/confirm";
import { checkPage } from "./fixtures/page-checks";

// Issue 13, information change (证书变更) in Chromium: an enterprise's administrator changes the enterprise
// name on the desk (/change → 变更说明 with the seal that will be voided → the new details checked by
// micro-deposit → 营业执照 + 变更通知书 → 确认变更 old vs new) → the CA approves it in the console (old and new
// shown) → the holder pays → the phone downloads the new certificate → `openssl ocsp -url` against the
// desk's responder says the OLD certificate is revoked (superseded) and the new one good; the new
// certificate's subject has the new name; the seal bound to the old one is voided; the console's
// certificate history says superseded by.

const expect = baseExpect.configure({ timeout: 30_000 });
const shotPath = (name: string) => (process.env.SCREENSHOT_DIR ? path.join(process.env.SCREENSHOT_DIR, name) : test.info().outputPath(name));
const shot = (page: Page, name: string) => page.screenshot({ path: shotPath(name), fullPage: true });
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

const serialOf = async (phone: Page) => ((await phone.getByTestId("cert-serial").textContent()) ?? "").trim().replace(/:/g, "").toLowerCase();

test("enterprise name change: desk /change → check → materials → confirm → CA approves → paid → phone downloads → OCSP: old superseded, new good; seal voided", async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  // The enterprise certificate: claimed through the unit wizard, approved, downloaded on the phone (same account).
  const deskCtx = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
  const userPhone = await loginAs(deskCtx);
  const desk = await deskCtx.newPage();
  const applyId = await startUnit(desk);
  const e = enterprise();
  await claimThroughUnitWizard(desk, { request: deskCtx.request, browser, userPhone, e, orderId: applyId });
  await desk.goto("/orders");
  const firstNo = (await desk.getByTestId("order-row-no").first().textContent())!.trim();
  const reviewer = await consolePage(browser);
  await approveInConsole(reviewer, firstNo);
  const phone = await deskCtx.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto("/m");
  const certId = await downloadOnPhone(phone, applyId, "285714");
  const oldSerial = await serialOf(phone);
  // The phone's certificate page offers 证书变更 (the desk flow in the phone's browser, as 续期 does).
  await expect(phone.getByTestId("cert-change")).toHaveAttribute("href", `/change?certificateId=${certId}`);
  await shot(phone, "change-phone-cert-390.png");
  await phone.getByTestId("cert-change").click();
  await expect(phone.getByTestId(`change-${certId}`)).toBeVisible();
  await shot(phone, "change-phone-list-390.png");
  const seal = await deskCtx.request.post("/api/dev/lifecycle-change", { data: { certificateId: certId, name: "合同专用章" } });
  expect(seal.ok(), await seal.text()).toBeTruthy();
  const { sealId } = (await seal.json()) as { sealId: string };

  // Desk: /change lists the certificate; 变更说明 names the seal that will be voided and the new keys.
  await desk.goto(`/change?certificateId=${certId}`);
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText("信息变更");
  await shot(desk, "change-desk-list-1280.png");
  await desk.waitForLoadState("networkidle");
  await desk.getByTestId(`change-${certId}`).click();
  await settle(desk, /\/apply\/change-unit\/[^/]+\/change-info$/);
  await checkPage(desk, "change-info");
  const orderId = desk.url().split("/").at(-2)!;
  await expect(desk.getByTestId("change-info")).toContainText(e.name);
  await expect(desk.getByTestId("change-seals")).toContainText("合同专用章");
  await expect(desk.getByTestId("change-rekey-warning")).toContainText("不能用新证书解密");
  await shot(desk, "change-desk-info-1280.png");
  await desk.getByTestId("change-info-next").click();

  // The new name, checked like the application (micro-deposit to the corporate account); the USCC is fixed.
  await settle(desk, /\/enterprise$/);
  await expect(desk.getByTestId("field-uscc")).toHaveValue(e.uscc);
  await expect(desk.getByTestId("field-uscc")).toHaveAttribute("readonly", "");
  const newName = `${e.name.replace("有限公司", "")}新名称有限公司`;
  await desk.getByTestId("field-name").fill(newName);
  await desk.getByTestId("field-address").fill("北京市朝阳区变更路 8 号");
  await shot(desk, "change-desk-enterprise-1280.png");
  const sentAt = new Date(Date.now() - 1000);
  await desk.getByTestId("next").click();
  await expect(desk.getByTestId("verification")).toBeVisible({ timeout: 30_000 });
  await confirmDeposit(desk, deskCtx.request, userPhone, sentAt);

  // The channel's change materials: 营业执照 and 变更通知书.
  await settle(desk, /\/materials$/);
  await expect(desk.getByTestId("material-CHANGE_NOTICE")).toBeVisible();
  for (const input of await desk.locator('input[type="file"]').all()) await input.setInputFiles({ name: "doc.png", mimeType: "image/png", buffer: PNG });
  await expect(desk.getByTestId("material-CHANGE_NOTICE")).toContainText("doc.png");
  await desk.getByTestId("next").click();

  // 确认变更: old against new, the fee, the warning acknowledged, submitted to the review.
  await settle(desk, /\/change-confirm$/);
  await checkPage(desk, "change-confirm");
  await expect(desk.getByTestId("change-after-name")).toContainText(newName);
  await expect(desk.getByTestId("change-rows")).toContainText(e.name);
  await expect(desk.getByTestId("change-price")).toContainText("100.00");
  await expect(desk.getByTestId("change-submit")).toBeDisabled();
  await desk.getByTestId("change-acknowledge").check();
  await shot(desk, "change-desk-confirm-1280.png");
  await desk.getByTestId("change-submit").click();
  await settle(desk, new RegExp(`/orders/${orderId}$`));

  // The CA: the queue's order is a change; its page shows old and new; approved.
  await reviewer.goto("/console/reviews");
  const href = await reviewer.getByRole("row").filter({ hasText: newName }).getByRole("link").first().getAttribute("href");
  await reviewer.goto(href!);
  await expect(reviewer.getByTestId("review-change")).toContainText(newName);
  await expect(reviewer.getByTestId("review-change")).toContainText(e.name);
  await shot(reviewer, "change-console-review.png");
  await reviewer.waitForLoadState("networkidle");
  await reviewer.getByTestId("approve").click();
  await answerConfirm(reviewer);
  await expect(reviewer.getByTestId("decision-result")).not.toBeEmpty({ timeout: 30_000 });

  // Paid after the approval; the old certificate still works until the new one is issued.
  await desk.goto(`/apply/change-unit/${orderId}/pay`);
  await desk.waitForLoadState("networkidle");
  await paySandbox(desk, browser, orderId);
  const issuer = (await issuingCa(deskCtx.request)).pem;
  expect(ocsp(baseURL!, issuer, oldSerial)).toContain("Cert Status: good");

  // The phone downloads the new certificate (new keys, new PIN).
  await phone.goto(`/m/download/${orderId}`);
  await phone.waitForLoadState("networkidle");
  await phone.getByTestId("pin").fill("285714");
  await phone.getByTestId("confirm-pin").fill("285714");
  await phone.getByTestId("download").click();
  await expect(phone.getByTestId("download-done")).toBeVisible({ timeout: 45_000 });
  await phone.goto((await phone.getByTestId("view-cert").getAttribute("href"))!);
  const newSerial = await serialOf(phone);
  expect(newSerial).not.toBe(oldSerial);
  await expect(phone.locator("dl")).toContainText(newName);
  await shot(phone, "change-phone-new-cert-390.png");

  const oldAnswer = ocsp(baseURL!, issuer, oldSerial);
  expect(oldAnswer).toContain("Cert Status: revoked");
  expect(oldAnswer).toMatch(/Reason: superseded/i);
  expect(ocsp(baseURL!, issuer, newSerial)).toContain("Cert Status: good");
  const state = await deskCtx.request.get(`/api/dev/lifecycle-change?sealId=${sealId}`);
  const voided = (await state.json()) as { orgId: string };
  expect(voided).toMatchObject({ status: "VOIDED", voidReason: "certificate_superseded", needsReapply: true });
  // 企业印章 says why and offers 重新申请: the maker for the same kind (公章), on the desk and in the app.
  await desk.goto(`/org/${voided.orgId}/seals`);
  await expect(desk.getByTestId(`seal-status-${sealId}`)).toContainText("绑定的证书已变更，请重新申请");
  await desk.getByTestId(`seal-reapply-${sealId}`).click();
  await expect(desk).toHaveURL(new RegExp(`/org/${voided.orgId}/seals\\?kind=OFFICIAL#seal-maker$`));
  await expect(desk.getByTestId("seal-kind")).toHaveValue("OFFICIAL");
  await phone.goto(`/m/org/${voided.orgId}/seals`);
  const phoneCard = phone.locator(`[data-seal-id="${sealId}"]`);
  await expect(phoneCard).toContainText("绑定的证书已变更，请重新申请");
  await expect(phoneCard.getByTestId(`seal-reapply-${sealId}`)).toHaveAttribute("href", `/m/org/${voided.orgId}/seals?kind=OFFICIAL#seal-maker`);
  await phoneCard.scrollIntoViewIfNeeded();
  await phone.screenshot({ path: shotPath("change-phone-seal-reapply-390.png") });

  // The console's certificate history: superseded by the change.
  await reviewer.goto(`/console/certificates/${certId}`);
  await expect(reviewer.getByTestId("cert-superseded-by")).toBeVisible();
  await shot(reviewer, "change-console-certificate.png");
  await deskCtx.close();
  await reviewer.context().close();
});
