import { expect, test, type Browser } from "@playwright/test";
import { loginAs } from "./fixtures/auth";
import { FAKE_CAMERA } from "./fixtures/camera";
import { checkPage } from "./fixtures/page-checks";

// Several contexts and a dev server compiling on first use: give each test room.
test.describe.configure({ timeout: 180_000 });
const SLOW = { timeout: 30_000 };

// Chromium's fake camera: getUserMedia succeeds without a device or a permission prompt.
test.use(FAKE_CAMERA);

async function phoneContext(browser: Browser, baseURL: string | undefined) {
  return browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "zh-CN", permissions: ["camera"] });
}

async function startFaceCheck(request: import("@playwright/test").APIRequestContext, subject: Record<string, string>) {
  const res = await request.post("/api/identity-checks", { data: { method: "FACE", role: "LEGAL_REP", subject } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { checkId: string; status: string; next: { kind: "face"; faceUrl: string } };
}

test("the legal rep passes the face check on a phone and the desk sees it live", async ({ page, context, browser, baseURL }) => {
  await loginAs(context);
  const check = await startFaceCheck(context.request, { name: "张三", idNumber: "11010519491231002X" });
  await page.goto(`/identity-checks/${check.checkId}`);
  const panel = page.getByTestId("identity-check-panel");
  await expect(panel).toHaveAttribute("data-status", "PENDING", SLOW);
  // The QR on the desk encodes the same link the phone opens.
  const faceUrl = await page.getByTestId("face-qr").getAttribute("data-url");
  expect(faceUrl).toBe(check.next.faceUrl);

  const phone = await phoneContext(browser, baseURL);
  const m = await phone.newPage();
  await m.goto(new URL(faceUrl!).pathname);
  await expect(m.getByRole("heading", { name: "人脸识别" })).toBeVisible(SLOW);
  await checkPage(m, "m-face");
  // The preview plays frames from the fake camera.
  await expect.poll(() => m.getByTestId("face-video").evaluate((v: HTMLVideoElement) => v.videoWidth), SLOW).toBeGreaterThan(0);
  await m.getByRole("button", { name: "开始识别" }).click();
  await expect(m.getByTestId("face-result")).toHaveAttribute("data-status", "PASSED", SLOW);
  await expect(m.getByText("人脸识别已通过")).toBeVisible();

  // No reload: the desk follows the check through its event stream.
  await expect(panel).toHaveAttribute("data-status", "PASSED", SLOW);
  await expect(page.getByText("人脸识别核验已通过")).toBeVisible();
  await phone.close();
});

test("a documented failing identity fails the face check, and the desk says why", async ({ page, context, browser, baseURL }) => {
  await loginAs(context);
  const check = await startFaceCheck(context.request, { name: "王五", idNumber: "110101199003070011" });
  await page.goto(`/identity-checks/${check.checkId}`);
  await expect(page.getByTestId("identity-check-panel")).toHaveAttribute("data-status", "PENDING", SLOW);

  const phone = await phoneContext(browser, baseURL);
  const m = await phone.newPage();
  await m.goto(new URL(check.next.faceUrl).pathname);
  await m.getByRole("button", { name: "开始识别" }).click();
  await expect(m.getByTestId("face-result")).toHaveAttribute("data-status", "FAILED", SLOW);

  await expect(page.getByTestId("identity-check-panel")).toHaveAttribute("data-status", "FAILED", SLOW);
  await expect(page.getByText("人脸与身份证照片不是同一人")).toBeVisible();
  await phone.close();
});

test("the face link can be texted to the legal representative", async ({ page, context }) => {
  await loginAs(context);
  const check = await startFaceCheck(context.request, { name: "张三", idNumber: "11010519491231002X" });
  await page.goto(`/identity-checks/${check.checkId}`);
  const repPhone = `199${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  await page.getByLabel("法定代表人手机号").fill(repPhone);
  await page.getByRole("button", { name: "发送短信链接给法定代表人" }).click();
  await expect(page.getByText(`短信已发送至 ${repPhone}`)).toBeVisible(SLOW);
  await expect
    .poll(async () => {
      const { messages } = (await (await context.request.get(`/api/dev/outbox?to=${repPhone}`)).json()) as { messages: Array<{ body: string }> };
      return messages[0]?.body ?? "";
    }, SLOW)
    .toContain(check.next.faceUrl);
});

test("an unknown face link says so", async ({ browser, baseURL }) => {
  const phone = await phoneContext(browser, baseURL);
  const m = await phone.newPage();
  await m.goto("/m/face/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  await expect(m.getByRole("heading", { name: "链接无效" })).toBeVisible(SLOW);
  await phone.close();
});
