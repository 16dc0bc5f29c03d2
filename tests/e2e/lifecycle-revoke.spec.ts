import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect as baseExpect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { readStore } from "./fixtures/indexeddb";
import { setChannelSwitch } from "./fixtures/org";
import { issuingCa, ocsp, ocspRevoked, openssl } from "./fixtures/openssl";
import { DEMO, loginAs, loginWithPassword } from "./fixtures/auth";
import { approveInConsole, consolePage, downloadOnPhone, holderWithCertificate, phoneContext } from "./fixtures/review";
import { claimThroughUnitWizard, confirmDeposit, enterprise, fillHandler, settle, startUnit, uniqueIdNumber, uniquePhoneFor } from "./wizard-helpers";
import { checkPage } from "./fixtures/page-checks";

// Issue 13, revocation in Chromium: the desk's personal and unit revocations through the checks and ID photos,
// the phone's 注销 with the PIN (openssl ocsp against the desk's responder says revoked; the seconds
// from the revocation to that answer are printed), the console's 吊销 with an RFC 5280 reason.

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ mode: "serial" });

const dir = mkdtempSync(path.join(tmpdir(), "certdesk-revoke-e2e-"));
const shotPath = (name: string) => (process.env.SCREENSHOT_DIR ? path.join(process.env.SCREENSHOT_DIR, name) : test.info().outputPath(name));
const shot = (page: Page, name: string) => page.screenshot({ path: shotPath(name), fullPage: true });

async function crlEntry(request: APIRequestContext, crlPath: string | undefined, serialHex: string) {
  if (!crlPath) throw new Error("the issuing CA names no CRL");
  const file = path.join(dir, `${serialHex.slice(0, 8)}.crl`);
  writeFileSync(file, await (await request.get(crlPath)).body());
  const text = openssl(["crl", "-inform", "DER", "-in", file, "-noout", "-text"]);
  return text.split("Serial Number: ").find((s) => s.toLowerCase().startsWith(serialHex.replace(/:/g, "").toLowerCase()));
}

const serialOf = async (phone: Page) => ((await phone.getByTestId("cert-serial").textContent()) ?? "").trim().replace(/:/g, "").toLowerCase();

test("desk personal revocation: /revoke → 个人信息 check → ID photos → 确认吊销 (keyCompromise) → OCSP and the CRL say revoked", async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  const phoneCtx = await phoneContext(browser);
  const holder = await holderWithCertificate(browser, phoneCtx);
  const serial = await serialOf(holder.page);
  // The same account on a 1280 px desk (its session cookie: a second SMS login within a minute is rate-limited).
  const deskCtx = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 }, storageState: await phoneCtx.storageState() });
  const desk = await deskCtx.newPage();
  await desk.goto("/revoke");
  await settle(desk);
  const row = desk.locator(`[data-testid="revoke-row"][data-serial="${serial}"]`);
  await expect(row).toBeVisible();
  await shot(desk, "revoke-desk-list.png");
  await row.getByTestId("revoke-start").click();
  await settle(desk, /\/apply\/revoke-individual\/[^/]+\/person$/);
  await shot(desk, "revoke-desk-person.png");
  // Prefilled with the person as certified; PHONE3 answers at once.
  await desk.getByTestId("next").click();
  await settle(desk, /\/materials$/);
  for (const input of await desk.locator('input[type="file"]').all()) {
    await input.setInputFiles({ name: "id.png", mimeType: "image/png", buffer: PNG });
  }
  await expect(desk.getByTestId("material-ID_BACK")).toContainText("id.png");
  await desk.getByTestId("next").click();
  await settle(desk, /\/revoke$/);
  await checkPage(desk, "revoke-confirm");
  await expect(desk.getByText("吊销后不可恢复")).toBeVisible();
  await desk.getByTestId("revoke-reason").selectOption("keyCompromise");
  await desk.getByTestId("revoke-agree").check();
  await shot(desk, "revoke-desk-confirm.png");
  await desk.getByTestId("revoke-submit").click();
  await expect(desk.getByTestId("revoke-done")).toContainText("证书已吊销");
  const since = Date.now();
  await shot(desk, "revoke-desk-done.png");

  const ca = await issuingCa(deskCtx.request);
  const { out, seconds } = await ocspRevoked(baseURL!, ca.pem, serial, since);
  expect(out).toContain("Reason: keyCompromise");
  console.log(`[revoke] desk: openssl ocsp said revoked ${seconds.toFixed(2)} s after the confirmation`);
  expect(await crlEntry(deskCtx.request, ca.crlPath, serial)).toContain("Key Compromise");
  await deskCtx.close();
  await phoneCtx.close();
  await holder.console.context().close();
});

test("desk unit revocation: /revoke → 企业信息 check (micro-deposit) → 经办人 check → ID photos → 确认吊销 → openssl ocsp says revoked", async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  // An enterprise certificate: claimed through the unit wizard, approved, downloaded on the phone (same account).
  const deskCtx = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
  const userPhone = await loginAs(deskCtx);
  const desk = await deskCtx.newPage();
  const applyId = await startUnit(desk);
  const e = enterprise();
  await claimThroughUnitWizard(desk, { request: deskCtx.request, browser, userPhone, e, orderId: applyId });
  await desk.goto("/orders");
  const orderNo = (await desk.getByTestId("order-row-no").first().textContent())!.trim();
  const reviewer = await consolePage(browser);
  await approveInConsole(reviewer, orderNo);
  const phone = await deskCtx.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto("/m");
  await downloadOnPhone(phone, applyId, "285714");
  const serial = await serialOf(phone);

  await desk.goto("/revoke");
  await settle(desk);
  const row = desk.locator(`[data-testid="revoke-row"][data-serial="${serial}"]`);
  await expect(row).toBeVisible();
  await row.getByTestId("revoke-start").click();
  // 1. The enterprise as certified, checked again by micro-deposit (the original order's method).
  await settle(desk, /\/apply\/revoke-unit\/[^/]+\/enterprise$/);
  await expect(desk.getByTestId("field-uscc")).toHaveValue(e.uscc);
  await shot(desk, "revoke-unit-enterprise.png");
  const sentAt = new Date(Date.now() - 1000);
  await desk.getByTestId("next").click();
  await expect(desk.getByTestId("verification")).toBeVisible({ timeout: 30_000 });
  await confirmDeposit(desk, deskCtx.request, userPhone, sentAt);
  // 2. The handler (not prefilled: whoever revokes is checked), PHONE3 answers at once.
  await settle(desk, /\/handler$/);
  await fillHandler(desk, { name: "孙经办", idNumber: uniqueIdNumber(), phone: uniquePhoneFor(), email: "sun@example.com" });
  await shot(desk, "revoke-unit-handler.png");
  await desk.getByTestId("next").click();
  // 3. The business licence, the handler's ID photos and the legal representative's stamped letter.
  await settle(desk, /\/materials$/);
  for (const input of await desk.locator('input[type="file"]').all()) {
    await input.setInputFiles({ name: "doc.png", mimeType: "image/png", buffer: PNG });
  }
  await expect(desk.getByTestId("material-HANDLER_ID_BACK")).toContainText("doc.png");
  await shot(desk, "revoke-unit-materials.png");
  await desk.getByTestId("next").click();
  // 4. The warning, the reason, revoked.
  await settle(desk, /\/revoke$/);
  await expect(desk.getByText("吊销后不可恢复")).toBeVisible();
  await desk.getByTestId("revoke-reason").selectOption("cessationOfOperation");
  await desk.getByTestId("revoke-agree").check();
  await desk.getByTestId("revoke-submit").click();
  await expect(desk.getByTestId("revoke-done")).toContainText("证书已吊销");
  const since = Date.now();
  await shot(desk, "revoke-unit-done.png");

  const ca = await issuingCa(deskCtx.request);
  const { out, seconds } = await ocspRevoked(baseURL!, ca.pem, serial, since);
  expect(out).toContain("Reason: cessationOfOperation");
  console.log(`[revoke] desk unit: openssl ocsp said revoked ${seconds.toFixed(2)} s after the confirmation`);
  expect(seconds).toBeLessThan(30);
  await deskCtx.close();
  await reviewer.context().close();
});

test("phone 注销证书 with the PIN → both certificates revoked, openssl ocsp says revoked (seconds printed), the CRL lists it, the keys leave IndexedDB", async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  const phoneCtx = await phoneContext(browser);
  const holder = await holderWithCertificate(browser, phoneCtx);
  const phone = holder.page;
  const serial = await serialOf(phone);
  expect((await readStore<{ certificateId: string }>(phone, "certdesk-keys", "shares")).length).toBeGreaterThanOrEqual(2);
  await phone.getByTestId("revoke-open").click();
  await expect(phone.getByText("吊销后不可恢复")).toBeVisible();
  await shot(phone, "revoke-phone-warning.png");
  await phone.getByTestId("revoke-pin").fill("000000");
  await phone.getByTestId("revoke-confirm").click();
  await expect(phone.getByTestId("revoke-error")).not.toBeEmpty();
  await phone.getByTestId("revoke-pin").fill("285714");
  await phone.getByTestId("revoke-confirm").click();
  // The confirmation, or the revoked page the refresh that follows it renders (it replaces the form).
  await expect(phone.getByTestId("revoke-done").or(phone.getByTestId("cert-revoked")).first()).toBeVisible();
  const since = Date.now();
  await shot(phone, "revoke-phone-done.png");

  const ca = await issuingCa(phoneCtx.request);
  const { out, seconds } = await ocspRevoked(baseURL!, ca.pem, serial, since);
  expect(out).toContain("Reason: cessationOfOperation");
  console.log(`[revoke] phone: openssl ocsp said revoked ${seconds.toFixed(2)} s after the PIN revocation`);
  expect(seconds).toBeLessThan(30);
  expect(await crlEntry(phoneCtx.request, ca.crlPath, serial)).toContain("Cessation Of Operation");
  const left = await readStore<{ certificateId: string; orderId: string }>(phone, "certdesk-keys", "shares");
  expect(left.filter((k) => k.orderId === holder.order.orderId)).toEqual([]);
  await phone.reload();
  await expect(phone.getByTestId("ocsp-status")).toContainText("已撤销");
  await expect(phone.getByTestId("cert-revoked")).toBeVisible();
  await expect(phone.getByTestId("revoke-open")).toHaveCount(0);
  await phoneCtx.close();
  await holder.console.context().close();
});

test("console 证书管理: search by serial, detail, 吊销 with reason superseded and a note → OCSP says superseded", async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  const phoneCtx = await phoneContext(browser);
  const holder = await holderWithCertificate(browser, phoneCtx);
  const serial = await serialOf(holder.page);
  const page = await consolePage(browser);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/console/certificates?q=${serial}`);
  await settle(page);
  await expect(page.getByTestId("cert-count")).toContainText("1");
  await shot(page, "revoke-console-list.png");
  await page.getByTestId("cert-link").first().click();
  await settle(page, /\/console\/certificates\/[^/]+$/);
  await expect(page.getByTestId("cert-status")).toHaveText("有效");
  await page.getByTestId("console-revoke-reason").selectOption("superseded");
  await page.getByTestId("console-revoke-note").fill("持有人书面申请");
  await shot(page, "revoke-console-detail.png");
  await page.getByTestId("console-revoke-submit").click();
  await expect(page.getByTestId("console-revoke-result")).toContainText("证书已吊销");
  await expect(page.getByTestId("cert-status")).toHaveText("已吊销");
  await shot(page, "revoke-console-revoked.png");
  const ca = await issuingCa(page.context().request);
  const { out } = await ocspRevoked(baseURL!, ca.pem, serial, Date.now());
  expect(out).toContain("Reason: superseded");
  await page.context().close();
  await phoneCtx.close();
  await holder.console.context().close();
});

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

// The switch is on this case's own channel (测试渠道 e2e-revoke-review): on the demo channel it would hold every other spec's desk revocation for review.
test("channel switch 服务台证书吊销需 CA 审核: the desk's 确认吊销 waits; the console's 待确认吊销 → 复核并吊销 revokes; openssl ocsp says revoked", async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  const phoneCtx = await phoneContext(browser);
  const holder = await holderWithCertificate(browser, phoneCtx, { channel: "e2e-revoke-review" });
  await setChannelSwitch(browser, "测试渠道 e2e-revoke-review", "review-desk-revocations", true, shotPath("revoke-review-channel-switch.png"));
  const serial = await serialOf(holder.page);
  const deskCtx = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 }, storageState: await phoneCtx.storageState() });
  const desk = await deskCtx.newPage();
  await desk.goto("/revoke");
  await settle(desk);
  await desk.locator(`[data-testid="revoke-row"][data-serial="${serial}"]`).getByTestId("revoke-start").click();
  await settle(desk, /\/apply\/revoke-individual\/[^/]+\/person$/);
  await desk.getByTestId("next").click();
  await settle(desk, /\/materials$/);
  for (const input of await desk.locator('input[type="file"]').all()) await input.setInputFiles({ name: "id.png", mimeType: "image/png", buffer: PNG });
  await expect(desk.getByTestId("material-ID_BACK")).toContainText("id.png");
  await desk.getByTestId("next").click();
  await settle(desk, /\/revoke$/);
  await desk.getByTestId("revoke-reason").selectOption("keyCompromise");
  await desk.getByTestId("revoke-agree").check();
  await desk.getByTestId("revoke-submit").click();
  await expect(desk.getByTestId("revoke-pending")).toContainText("等待 CA 审核");
  await shot(desk, "revoke-review-pending.png");
  // Still valid until an operator confirms.
  const ca = await issuingCa(deskCtx.request);
  expect(ocsp(baseURL!, ca.pem, serial)).toContain("Cert Status: good");

  const op = holder.console;
  await op.setViewportSize({ width: 1280, height: 900 });
  await op.goto("/console/certificates");
  await settle(op);
  await op.getByTestId("pending-revocations").click();
  await settle(op, /pending=revocation/);
  await expect(op.getByTestId("cert-link").filter({ hasText: "张三" }).first()).toBeVisible();
  await op.goto(`/console/certificates?pending=revocation&q=${serial}`);
  await settle(op);
  await shot(op, "revoke-review-console-list.png");
  await op.getByTestId("cert-link").first().click();
  await settle(op, /\/console\/certificates\/[^/]+$/);
  await expect(op.getByTestId("revocation-requests")).toContainText("待复核");
  await expect(op.getByTestId("console-revoke-reason")).toBeDisabled();
  await shot(op, "revoke-review-console-detail.png");
  await op.getByTestId("console-revoke-submit").click();
  await expect(op.getByTestId("console-revoke-result")).toContainText("证书已吊销");
  const since = Date.now();
  const { out, seconds } = await ocspRevoked(baseURL!, ca.pem, serial, since);
  expect(out).toContain("Reason: keyCompromise");
  console.log(`[revoke] reviewed desk revocation: openssl ocsp said revoked ${seconds.toFixed(2)} s after the operator's confirmation`);
  await desk.goto("/orders");
  await settle(desk);
  await deskCtx.close();
  await phoneCtx.close();
  await op.context().close();
});
