// 修改PIN in the browser (issue 17, hole 5): the change rotates W and refreshes the shares in two
// phases; the phone's IndexedDB record is re-wrapped, and a lost confirm answer is harmless.
import { expect, test, type Page } from "@playwright/test";
import { readStore } from "./fixtures/indexeddb";
import { holderWithCertificate, phoneContext } from "./fixtures/review";
import { settle } from "./wizard-helpers";

test.setTimeout(300_000);

type KeyRecord = { keyShareId: string; usage: "SIGN" | "ENCRYPT"; wrapped: { ct: string }; next?: { wrapped: { ct: string } } };

/** The phone's stored records (IndexedDB certdesk-keys/shares), as the page sees them. */
const storedRecords = (page: Page) => readStore<KeyRecord>(page, "certdesk-keys", "shares");

async function changePin(page: Page, certId: string, oldPin: string, pin: string) {
  await page.goto(`/m/certs/${certId}/pin`);
  await settle(page);
  await page.getByTestId("old-pin").fill(oldPin);
  await page.getByTestId("new-pin").fill(pin);
  await page.getByTestId("confirm-pin").fill(pin);
  await page.getByTestId("submit").click();
}

async function testSign(page: Page, certId: string, pin: string) {
  await page.goto(`/m/certs/${certId}`);
  await settle(page);
  await page.getByTestId("pin").fill(pin);
  await page.getByTestId("test-sign").click();
}

test("修改PIN re-wraps the phone's shares under a new W; a lost confirm answer still leaves the new PIN working", async ({ browser }) => {
  const { page, certId } = await holderWithCertificate(browser, await phoneContext(browser));
  const before = await storedRecords(page);
  expect(before).toHaveLength(2);

  await changePin(page, certId, "285714", "730915");
  await expect(page.getByTestId("form-result")).toHaveText("PIN 已修改");
  const after = await storedRecords(page);
  expect(after).toHaveLength(2);
  for (const r of after) {
    expect(r.next).toBeUndefined();
    expect(r.wrapped.ct).not.toBe(before.find((b) => b.keyShareId === r.keyShareId)!.wrapped.ct);
  }
  await testSign(page, certId, "285714");
  await expect(page.getByTestId("sign-result")).toHaveText("PIN 错误，还可以尝试 4 次");
  await testSign(page, certId, "730915");
  await expect(page.getByTestId("sign-result")).toHaveText("签名成功并已验证");

  // The confirm reaches the server, but its answer is lost: the phone keeps both records.
  await page.route("**/pin/confirm", async (route) => {
    await route.fetch();
    await route.abort("connectionreset");
  });
  await changePin(page, certId, "730915", "508261");
  await expect(page.getByTestId("form-result")).not.toBeEmpty();
  const staged = await storedRecords(page);
  expect(staged.every((r) => r.next)).toBe(true);
  await page.unroute("**/pin/confirm");
  // The next use with the new PIN signs, and the record the new W opens is the one kept.
  await testSign(page, certId, "508261");
  await expect(page.getByTestId("sign-result")).toHaveText("签名成功并已验证");
  const settled = await storedRecords(page);
  const sign = settled.find((r) => r.usage === "SIGN")!;
  expect(sign.next).toBeUndefined();
  expect(sign.wrapped.ct).toBe(staged.find((r) => r.usage === "SIGN")!.next!.wrapped.ct);
});
