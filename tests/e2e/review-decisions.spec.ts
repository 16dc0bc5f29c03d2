import path from "node:path";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { DEMO, loginWithPassword, readSmsCode } from "./fixtures/auth";
import { applicantWithOrder, approveInConsole, downloadOnPhone, holderWithCertificate, phoneContext as plainPhoneContext } from "./fixtures/review";
import { settle } from "./wizard-helpers";
import { FAKE_CAMERA, cameraPhoneContext, holderFaceCheck } from "./fixtures/camera";
import { answerConfirm } from "./fixtures/confirm";
import { checkPage } from "./fixtures/page-checks";

// Two-party key generation, issuance and first compiles of the pages on a shared 2-core machine.
test.setTimeout(300_000);

// Chromium's fake camera, for the holder's face check at unlock (as in identity-face.spec.ts).
test.use(FAKE_CAMERA);


const shotPath = (name: string) => (process.env.SCREENSHOT_DIR ? path.join(process.env.SCREENSHOT_DIR, name) : test.info().outputPath(name));

async function consoleAs(context: BrowserContext, phone: string): Promise<Page> {
  await loginWithPassword(context, phone);
  return context.newPage();
}

test("four-eyes: one reviewer's approval waits for a second, different reviewer; then the holder downloads", async ({ browser }) => {
  const phone = await plainPhoneContext(browser);
  const order = await applicantWithOrder(phone, { fourEyes: true });

  const first = await consoleAs(await browser.newContext({ viewport: { width: 1280, height: 900 } }), DEMO.reviewer);
  await approveInConsole(first, order.no);
  await expect(first.getByTestId("decision-result")).toHaveText("已记录您的通过意见，等待第二名审核员。");
  // The same reviewer cannot give the second approval.
  await first.reload();
  await expect(first.getByText("您已在本轮给出意见，需要另一名审核员完成审核。")).toBeVisible();
  await expect(first.getByTestId("approve")).toHaveCount(0);

  // Not yet downloadable for the applicant.
  const page = await phone.newPage();
  await page.goto(`/m/download/${order.orderId}`);
  await expect(page.getByText("该订单当前无法下载证书")).toBeVisible();

  const second = await consoleAs(await browser.newContext({ viewport: { width: 1280, height: 900 } }), DEMO.admin);
  await approveInConsole(second, order.no);
  await expect(second.getByTestId("decision-result")).toHaveText("已审核通过，申请人已收到通知。");

  await page.goto("/m");
  await expect(page.getByTestId(`download-${order.orderId}`)).toBeVisible();
  await downloadOnPhone(page, order.orderId, "285714");
});

test("PIN lockout after 5 wrong tries; unlock by a fresh real-name check; the old PIN works again", async ({ browser }) => {
  const phone = await cameraPhoneContext(browser);
  const { order, page, certId } = await holderWithCertificate(browser, phone);

  for (let left = 4; left >= 1; left--) {
    await page.getByTestId("pin").fill("111222");
    await page.getByTestId("test-sign").click();
    await expect(page.getByTestId("sign-result")).toHaveText(`PIN 错误，还可以尝试 ${left} 次`);
  }
  await page.getByTestId("pin").fill("111222");
  await page.getByTestId("test-sign").click();
  await expect(page.getByTestId("sign-result")).toContainText("证书已锁定");
  await expect(page.getByTestId("test-sign")).toHaveCount(0);

  // Locked on the server: even the right PIN is refused, after a reload too.
  await page.reload();
  await settle(page);
  await expect(page.getByTestId("test-sign")).toHaveCount(0);
  await expect(page.getByText("已锁定").first()).toBeVisible();

  // Unlock: the holder's face check on this phone, then the holder's ID number and an SMS code to
  // the holder's phone; the server checks the face check and re-runs PHONE3.
  await page.getByTestId("unlock-link").click();
  await settle(page, new RegExp(`/m/certs/${certId}/unlock$`));
  // Without the face check the form is refused.
  await page.getByTestId("id-number").fill(order.idNumber);
  await page.getByTestId("code").fill("000000");
  await page.getByTestId("submit").click();
  await expect(page.getByTestId("form-error")).toHaveText("请先完成证书持有人本人的人脸识别");
  await holderFaceCheck(page, certId);
  await page.getByTestId("id-number").fill("110105194912310021"); // a valid ID that is not the holder's
  const at = new Date(Date.now() - 1000);
  await page.getByTestId("send-code").click();
  await expect(page.getByTestId("form-notice")).toBeVisible();
  const code = await readSmsCode(phone.request, order.phone, { after: at });
  await page.getByTestId("code").fill(code);
  await page.getByTestId("submit").click();
  await expect(page.getByTestId("form-error")).not.toBeEmpty();
  await page.getByTestId("id-number").fill(order.idNumber);
  await page.getByTestId("submit").click();
  await expect(page.getByTestId("form-result")).toHaveText("证书已解锁，请使用原 PIN。");

  await page.goto(`/m/certs/${certId}`);
  await settle(page);
  await page.getByTestId("pin").fill("285714");
  await page.getByTestId("test-sign").click();
  await expect(page.getByTestId("sign-result")).toHaveText("签名成功并已验证");
});

test("rejection with a reason; the applicant corrects and resubmits; round 2 is approved", async ({ browser }) => {
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  const order = await applicantWithOrder(desk);

  const reviewer = await consoleAs(await browser.newContext({ viewport: { width: 1280, height: 900 } }), DEMO.reviewer);
  await reviewer.goto("/console/reviews");
  await reviewer.goto((await reviewer.getByRole("link", { name: order.no }).getAttribute("href"))!);
  await settle(reviewer);
  // The reason is required.
  await reviewer.getByTestId("reject").click();
  await expect(reviewer.getByText("请填写驳回原因（至少 4 个字）")).toBeVisible();
  const reason = "身份证人像面照片模糊，请重新上传清晰照片";
  await reviewer.getByTestId("reject-reason").fill(reason);
  // The reviewer names the step the reason concerns (an individual's wizard: no 经办人 to choose).
  await expect(reviewer.getByTestId("reject-step").locator("option")).toHaveText(["不指定", "核验方式", "个人信息", "选择商品", "上传材料"]);
  await reviewer.getByTestId("reject-step").selectOption("materials");
  // 驳回 asks first, in a dialog that quotes the reason the applicant will read (it had no confirmation);
  // 取消 leaves the order in review.
  await reviewer.getByTestId("reject").click();
  const confirmation = reviewer.getByRole("dialog", { name: "驳回申请" });
  await expect(confirmation.getByTestId("confirm-reason")).toHaveText(reason);
  await expect(confirmation).toContainText("「上传材料」");
  await expect(confirmation.getByTestId("confirm-cancel")).toBeFocused();
  await answerConfirm(reviewer, { title: "驳回申请", ok: false });
  await expect(reviewer.getByTestId("decision-result")).toBeEmpty();
  await reviewer.getByTestId("reject").click();
  await answerConfirm(reviewer, { title: "驳回申请" });
  await expect(reviewer.getByTestId("decision-result")).toHaveText("已驳回，申请人已收到驳回原因。");

  // The applicant sees the reason in 订单管理 and in the phone inbox.
  const page = await desk.newPage();
  await page.goto("/orders");
  const row = page.getByRole("row").filter({ hasText: order.no });
  await expect(row).toContainText(reason);
  const inbox = await desk.newPage();
  await inbox.goto("/m/messages");
  await expect(inbox.getByText(reason).first()).toBeVisible();
  await inbox.close();

  // 修改后重新申请 opens the step the reason concerns, with the reason above it; the steps before the
  // signature stay completed (they showed 未开始 before).
  await settle(page);
  await page.getByTestId(`reapply-${order.no}`).click();
  await settle(page, new RegExp(`/apply/individual/${order.orderId}/materials$`));
  await expect(page.getByTestId("reapply-reason")).toContainText(`驳回原因：${reason}`);
  const stepper = page.getByRole("navigation", { name: "申请进度" }).getByRole("listitem");
  await expect(stepper).toHaveText([/核验方式\s*已完成/, /个人信息\s*已完成/, /选择商品\s*已完成/, /确认信息\s*已完成/, /上传材料\s*当前步骤/, /申请签署\s*未开始/, /支付\s*未开始/]);
  await page.screenshot({ path: shotPath("reapply-materials-1280.png"), fullPage: true });
  // Every step of the re-application shows the reason; the entered data is still there.
  await page.goto(`/apply/individual/${order.orderId}/person`);
  await expect(page.getByTestId("reapply-reason")).toContainText(reason);
  await expect(page.getByTestId("field-idNumber")).toHaveValue(order.idNumber);
  await page.goto(`/apply/individual/${order.orderId}/materials`);
  await settle(page);
  for (const input of await page.locator('input[type="file"]').all()) {
    await input.setInputFiles({ name: "id-clear.png", mimeType: "image/png", buffer: PNG });
  }
  await expect(page.getByTestId("material-ID_BACK")).toContainText("id-clear.png");
  await page.getByTestId("next").click();
  await settle(page, /\/sign$/);
  await expect(page.getByTestId("reapply-reason")).toContainText(reason);
  // The earlier signature covered the rejected content: the application is signed again.
  const at = new Date(Date.now() - 1000);
  await page.getByTestId("send-sign-code").click();
  await page.getByTestId("sign-code").fill(await readSmsCode(desk.request, order.phone, { after: at }));
  await page.getByTestId("sign-agree").check();
  await page.getByTestId("sign-submit").click();
  // Already paid: straight back to review, no second payment.
  await settle(page, new RegExp(`/orders/${order.orderId}$`));
  await expect(page.getByTestId("timeline")).toContainText("重新申请");

  // The queue says where each review stands (the 审核进度 column was empty): a resubmission, no approval yet.
  await reviewer.goto("/console/reviews");
  const queued = reviewer.getByRole("row").filter({ hasText: order.no });
  await expect(queued.getByTestId("queue-progress")).toContainText("待审核 0/1");
  await expect(queued.getByTestId("queue-progress")).toContainText("第 2 次提交");
  await checkPage(reviewer, "console-queue");
  await reviewer.goto((await queued.getByRole("link", { name: order.no }).getAttribute("href"))!);
  await settle(reviewer);
  // A thumbnail opens the picture in a lightbox (it zoomed inside its tile); Esc closes it.
  await reviewer.getByTestId("material-ID_FRONT").getByTestId("material-zoom").click();
  const lightbox = reviewer.getByRole("dialog", { name: "身份证人像面" });
  await expect(lightbox.getByRole("img", { name: "身份证人像面" })).toBeVisible();
  await checkPage(reviewer, "console-review-lightbox");
  await reviewer.keyboard.press("Escape");
  await expect(lightbox).toBeHidden();
  await checkPage(reviewer, "console-review");
  // The console's timeline names every event (it showed authorization_sent, downloaded …) and no internal note.
  await expect(reviewer.locator("main")).toContainText("重新申请");

  await approveInConsole(reviewer, order.no);
  await expect(reviewer.getByTestId("decision-result")).toHaveText("已审核通过，申请人已收到通知。");
  await expect(reviewer.getByText("第 2 轮")).toBeVisible();
  await expect(reviewer.getByText(reason).first()).toBeVisible();
});

// A 1×1 PNG: the materials domain sniffs the content type.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
