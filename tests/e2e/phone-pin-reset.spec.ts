import { expect, test } from "@playwright/test";
import { readSmsCode } from "./fixtures/auth";
import { holderWithCertificate } from "./fixtures/review";
import { settle } from "./wizard-helpers";
import { FAKE_CAMERA, cameraPhoneContext, holderFaceCheck } from "./fixtures/camera";
import { checkPage } from "./fixtures/page-checks";

// Two-party key generation, issuance and first compiles of the pages on a shared 2-core machine.
test.setTimeout(300_000);

// Chromium's fake camera, for the holder's face check (as in identity-face.spec.ts).
test.use(FAKE_CAMERA);


test("forgot PIN: face check, then a cooling-off before the new PIN works; the notice's link cancels it", async ({ browser }) => {
  const phone = await cameraPhoneContext(browser);
  const { order, page, certId } = await holderWithCertificate(browser, phone);

  await page.goto(`/m/certs/${certId}/unlock?mode=reset`);
  await settle(page);
  await holderFaceCheck(page, certId);
  await page.getByTestId("id-number").fill(order.idNumber);
  const at = new Date(Date.now() - 1000);
  await page.getByTestId("send-code").click();
  await expect(page.getByTestId("form-notice")).toBeVisible();
  await page.getByTestId("code").fill(await readSmsCode(phone.request, order.phone, { after: at }));
  await page.getByTestId("new-pin").fill("463821");
  await page.getByTestId("confirm-pin").fill("463821");
  await page.getByTestId("submit").click();
  await expect(page.getByTestId("form-result")).toContainText("新 PIN 将于");
  await expect(page.getByTestId("form-result")).toContainText("在此之前请继续使用原 PIN");

  // The new PIN does not sign yet (the server names the time); the old one does.
  await page.goto(`/m/certs/${certId}`);
  await settle(page);
  await page.getByTestId("pin").fill("463821");
  await page.getByTestId("test-sign").click();
  await expect(page.getByTestId("sign-result")).toContainText("新 PIN 将于");
  await page.getByTestId("pin").fill("285714");
  await page.getByTestId("test-sign").click();
  await expect(page.getByTestId("sign-result")).toHaveText("签名成功并已验证");

  // The SMS notice carries the cancel link; it works without a login, once.
  let link = "";
  await expect
    .poll(async () => {
      const res = await phone.request.get(`/api/dev/outbox?to=${order.phone}`);
      const { messages } = (await res.json()) as { messages: Array<{ body: string }> };
      link = messages.map((m) => m.body.match(/\/m\/pin-reset\/cancel\/[a-z0-9]+-[0-9a-f]{32}/)?.[0]).find(Boolean) ?? "";
      return link;
    }, { timeout: 15_000 })
    .not.toBe("");
  const anon = await browser.newContext({ locale: "zh-CN" });
  const cancel = await anon.newPage();
  await cancel.goto(link);
  await checkPage(cancel, "m-pin-reset-cancel");
  await cancel.getByTestId("cancel-reset").click();
  await expect(cancel.getByTestId("cancel-result")).toHaveText("已取消 PIN 重设，原 PIN 继续有效。");
  await cancel.reload();
  await cancel.getByTestId("cancel-reset").click();
  await expect(cancel.getByTestId("cancel-error")).toContainText("该链接已失效");
});
