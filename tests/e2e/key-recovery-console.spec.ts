// 恢复到本机 after a lost phone (issue 17, escrow), in Chromium end to end: the old phone downloads
// (the browser escrows the encryption share), the holder signs in on a new phone and asks; a
// reviewer sees the request on the console's 密钥恢复 page (a reason is required to reject) and
// approves; the key-management centre delivers (the e2e fixture runs what `npm run kmc -- deliver
// --demo` does); the new phone sets a PIN and holds the key, and the old phone's PIN is dead.
import { devices, expect, test, type Page } from "@playwright/test";
import { bytesToHex } from "../../lib/pki/encoding";
import { generateKeyPair } from "../../lib/pki/sm2";
import { readStore } from "./fixtures/indexeddb";
import { holderWithCertificate, phoneContext } from "./fixtures/review";
import { settle } from "./wizard-helpers";
import { answerConfirm } from "./fixtures/confirm";

test.setTimeout(300_000);

type Stored = { usage: string; keyShareId: string; certificateId: string };

/** The key records the phone stored in IndexedDB (certdesk-keys/shares). */
const storedShares = async (page: Page) =>
  (await readStore<Stored>(page, "certdesk-keys", "shares")).map(({ usage, keyShareId, certificateId }) => ({ usage, keyShareId, certificateId }));

test("a lost phone's encryption key is recovered onto a new phone after a reviewer's approval; signing keys cannot be", async ({ browser }) => {
  const oldPhone = await phoneContext(browser);
  const { page: old, console } = await holderWithCertificate(browser, oldPhone);
  const shares = await storedShares(old);
  const enc = shares.find((s) => s.usage === "ENCRYPT")!;
  const sign = shares.find((s) => s.usage === "SIGN")!;

  // Signing keys are never escrowed: no recovery for them.
  const signing = await oldPhone.request.post(`/api/m/keys/${sign.keyShareId}/recovery`, { data: { transportPublicKey: bytesToHex(generateKeyPair().publicKey) } });
  expect(signing.status()).toBe(409);
  expect(((await signing.json()) as { error: { message: string } }).error.message).toContain("签名密钥从不托管");

  // The new phone: the same account signed in, nothing in its IndexedDB.
  const { defaultBrowserType: _ignored, ...iphone } = devices["iPhone 13"];
  const newPhone = await browser.newContext({ ...iphone, locale: "zh-CN", storageState: { cookies: await oldPhone.cookies(), origins: [] } });
  const page = await newPhone.newPage();
  await page.goto(`/m/certs/${enc.certificateId}`);
  await settle(page);
  await page.getByTestId("recover-link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("把加密密钥恢复到本机");
  await settle(page);
  await page.getByTestId("recovery-start").click();
  await expect(page.getByTestId("recovery-status")).toHaveText("已提交，等待 CA 审核");

  // The reviewer: the request is listed; rejecting needs a reason; approve.
  await console.goto("/console/key-recoveries");
  await settle(console);
  await expect(console.getByRole("heading", { level: 1 })).toHaveText("加密密钥恢复");
  const row = console.locator("[data-testid^=recovery-c]").first();
  await expect(row).toBeVisible();
  await console.setViewportSize({ width: 1280, height: 900 });
  await console.screenshot({ path: test.info().outputPath("console-key-recoveries.png"), fullPage: true });
  await row.getByTestId("recovery-reject").click();
  await expect(row.getByRole("status")).toContainText("请填写驳回原因");
  await row.getByTestId("recovery-approve").click();
  await answerConfirm(console);
  await expect(console.locator("[data-testid^=recovery-c]")).toHaveCount(0, { timeout: 30_000 });
  await console.goto("/console/key-recoveries?status=APPROVED");
  await expect(console.locator("table").getByText("已批准，待密钥管理中心处理").first()).toBeVisible();

  // The holder hears of it; the centre delivers; the new phone sets its PIN.
  await page.getByTestId("recovery-refresh").click();
  await expect(page.getByTestId("recovery-status")).toHaveText("已批准，等待密钥管理中心处理");
  const delivered = await newPhone.request.post("/api/m/dev/deliver-recoveries", { data: {} });
  expect(delivered.ok(), await delivered.text()).toBeTruthy();
  expect(((await delivered.json()) as { outcomes: Array<{ outcome: string }> }).outcomes.map((o) => o.outcome)).toEqual(["delivered"]);
  await page.getByTestId("recovery-refresh").click();
  await expect(page.getByTestId("recovery-status")).toHaveText("密钥管理中心已发送，请设置 PIN 完成恢复");
  await page.getByTestId("pin").fill("730915");
  await page.getByTestId("confirm-pin").fill("730915");
  await page.screenshot({ path: test.info().outputPath("phone-recover-pin.png"), fullPage: true });
  await page.getByTestId("recovery-finish").click();
  await expect(page.getByTestId("recovery-done")).toHaveText("加密密钥已恢复到本机，旧手机上的密钥分量已失效。", { timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath("phone-recover-done.png"), fullPage: true });
  expect(await storedShares(page)).toEqual([{ usage: "ENCRYPT", keyShareId: enc.keyShareId, certificateId: enc.certificateId }]);
  // The transport key is gone from the new phone once installed.
  const transportLeft = (await readStore(page, "certdesk-recovery", "transport")).length;
  expect(transportLeft).toBe(0);

  // The old phone: its PIN no longer opens the encryption key.
  await old.goto(`/m/certs/${enc.certificateId}/pin`);
  await settle(old);
  await old.getByTestId("old-pin").fill("285714");
  await old.getByTestId("new-pin").fill("508261");
  await old.getByTestId("confirm-pin").fill("508261");
  await old.getByTestId("submit").click();
  await expect(old.getByTestId("form-result")).toContainText("PIN 错误");
  await old.goto("/m/messages");
  await expect(old.getByText("密钥恢复已批准")).toBeVisible();
});
