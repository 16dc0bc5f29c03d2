// 密钥恢复 in the review console (issue 17, escrow): after a real download in the phone's Chromium
// (the encryption share escrowed by the browser), the holder asks from a new phone; a reviewer sees
// the request, a reason is required to reject, approval is one click, the holder hears of it.
import { expect, test, type Page } from "@playwright/test";
import { bytesToHex } from "../../lib/pki/encoding";
import { generateKeyPair } from "../../lib/pki/sm2";
import { DEMO, loginWithPassword } from "./fixtures/auth";
import { applicantWithOrder, approveInConsole, downloadOnPhone, phoneContext } from "./fixtures/review";
import { settle } from "./wizard-helpers";

test.setTimeout(300_000);

/** The key share ids the phone stored in IndexedDB, by usage. */
function storedShares(page: Page) {
  return page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const req = indexedDB.open("certdesk-keys", 1);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const all = req.result.transaction("shares", "readonly").objectStore("shares").getAll();
          all.onsuccess = () => {
            req.result.close();
            resolve(Object.fromEntries((all.result as Array<{ usage: string; keyShareId: string }>).map((r) => [r.usage, r.keyShareId])));
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

test("a reviewer approves the recovery of an escrowed encryption key; signing keys cannot be recovered", async ({ browser }) => {
  const phone = await phoneContext(browser);
  const order = await applicantWithOrder(phone);
  const reviewerContext = await browser.newContext({ locale: "zh-CN" });
  await loginWithPassword(reviewerContext, DEMO.reviewer);
  const console = await reviewerContext.newPage();
  await approveInConsole(console, order.no);
  const page = await phone.newPage();
  await page.goto("/m");
  await downloadOnPhone(page, order.orderId, "285714");
  const shares = await storedShares(page);
  expect(Object.keys(shares).sort()).toEqual(["ENCRYPT", "SIGN"]);

  // The new phone's transport key (the phone page that makes it belongs to the reissue flow).
  const transportPublicKey = bytesToHex(generateKeyPair().publicKey);
  const signing = await phone.request.post(`/api/m/keys/${shares.SIGN}/recovery`, { data: { transportPublicKey } });
  expect(signing.status()).toBe(409);
  expect(((await signing.json()) as { error: { message: string } }).error.message).toContain("签名密钥从不托管");
  const asked = await phone.request.post(`/api/m/keys/${shares.ENCRYPT}/recovery`, { data: { transportPublicKey } });
  expect(asked.status(), await asked.text()).toBe(200);
  const { id } = (await asked.json()) as { id: string };

  await console.goto("/console/key-recoveries");
  await settle(console);
  await expect(console.getByRole("heading", { level: 1 })).toHaveText("加密密钥恢复");
  const row = console.getByTestId(`recovery-${id}`);
  await expect(row).toBeVisible();
  await console.setViewportSize({ width: 1280, height: 900 });
  await console.screenshot({ path: test.info().outputPath("console-key-recoveries.png"), fullPage: true });
  // Rejecting needs a reason.
  await row.getByTestId("recovery-reject").click();
  await expect(row.getByRole("status")).toContainText("请填写退回原因");
  console.once("dialog", (d) => void d.accept());
  await row.getByTestId("recovery-approve").click();
  await expect(console.getByTestId(`recovery-${id}`)).toHaveCount(0, { timeout: 30_000 });
  await console.goto("/console/key-recoveries?status=APPROVED");
  await expect(console.locator("table").getByText("已批准，待密钥管理中心处理").first()).toBeVisible();

  // The holder hears of it, and sees the state from the new phone.
  const state = await phone.request.get(`/api/m/recoveries/${id}`);
  expect(((await state.json()) as { status: string }).status).toBe("APPROVED");
  await page.goto("/m/messages");
  await expect(page.getByText("密钥恢复已批准")).toBeVisible();
});
