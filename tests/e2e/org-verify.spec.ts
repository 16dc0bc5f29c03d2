import { randomInt } from "node:crypto";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { usccCheckChar } from "@/lib/validators/uscc";
import { loginAs } from "./fixtures/auth";

// 仅认证企业（对公打款）on the desk at 1280 px: the /org search → the form → the sandbox bank's memo code →
// 您已成为企业管理员; a second person's transfer for the same enterprise → 您已加入企业（成员）.
test.describe.configure({ timeout: 180_000 });
test.use({ viewport: { width: 1280, height: 900 } });
const SLOW = { timeout: 30_000 };

function uniqueUscc(): string {
  const body = `91350100${String(randomInt(0, 1e9)).padStart(9, "0")}`;
  return body + usccCheckChar(body)!;
}

async function verifyByTransfer(page: Page, context: BrowserContext, e: { name: string; uscc: string }, shot: string) {
  await page.goto("/org");
  const search = page.getByTestId("org-search");
  await search.getByLabel("企业名称").fill(e.name);
  await search.getByLabel("统一社会信用代码").fill(e.uscc);
  await search.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId("org-verify")).toHaveText(shot === "admin" ? "仅认证企业（对公账户打款）" : "对公账户打款核验加入", SLOW);
  await page.screenshot({ path: test.info().outputPath(`org-verify-${shot}-search.png`), fullPage: true });
  await page.getByTestId("org-verify").click();
  await expect(page.getByRole("heading", { name: "企业认证（对公账户打款）" })).toBeVisible(SLOW);
  const form = page.getByTestId("verify-form");
  await expect(form.getByLabel("企业名称")).toHaveValue(e.name);
  await expect(form.getByLabel("统一社会信用代码")).toHaveValue(e.uscc);
  await form.getByLabel("法定代表人姓名").fill("张三");
  await form.getByLabel("法定代表人证件号码").fill("11010519491231002X");
  await form.getByLabel("对公账号").fill("0200001009000012345");
  await form.getByLabel("开户银行").fill("中国工商银行");
  await form.getByLabel("开户支行").fill("福州分行营业部");
  await page.screenshot({ path: test.info().outputPath(`org-verify-${shot}-form.png`), fullPage: true });
  await form.getByRole("button", { name: "发起对公账户打款" }).click();
  await expect(page).toHaveURL(/\/org\/verify\/[a-z0-9]+$/, SLOW);
  const checkId = page.url().split("/").pop()!;
  await expect(page.getByText("已向企业对公账户打款")).toBeVisible(SLOW);

  const bank = await context.newPage();
  await bank.goto(`/sandbox/bank/${checkId}`);
  const memo = await bank.getByTestId("sandbox-bank-notice").innerText(SLOW);
  const code = memo.match(/验证码(\d{6})/)![1]!;
  await bank.close();

  await page.screenshot({ path: test.info().outputPath(`org-verify-${shot}-code.png`), fullPage: true });
  await page.getByLabel("附言中的 6 位验证码").fill(code);
  await page.getByRole("button", { name: "提交验证码" }).click();
  await expect(page.getByTestId("verify-result")).toBeVisible(SLOW);
  await page.screenshot({ path: test.info().outputPath(`org-verify-${shot}-result.png`), fullPage: true });
}

test("a transfer alone makes the first payer administrator and the next one a member", async ({ browser }) => {
  const e = { name: `对公认证测试${randomInt(0, 1e6)}有限公司`, uscc: uniqueUscc() };

  const first = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await loginAs(first);
  const a = await first.newPage();
  await verifyByTransfer(a, first, e, "admin");
  await expect(a.getByTestId("verify-result")).toHaveAttribute("data-role", "ADMIN");
  await expect(a.getByText("您已成为企业管理员")).toBeVisible();
  await a.getByTestId("verify-open-org").click();
  await expect(a).toHaveURL(/\/org\/[a-z0-9]+$/, SLOW);
  await expect(a.getByText(e.name).first()).toBeVisible(SLOW);
  await a.goto("/org");
  const row = a.getByTestId("org-row").filter({ hasText: e.name });
  await expect(row).toBeVisible(SLOW);
  await a.screenshot({ path: test.info().outputPath("org-verify-admin-home.png"), fullPage: true });

  const second = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await loginAs(second);
  const b = await second.newPage();
  await verifyByTransfer(b, second, e, "member");
  await expect(b.getByTestId("verify-result")).toHaveAttribute("data-role", "MEMBER");
  await expect(b.getByText("您已加入企业（成员）")).toBeVisible();

  // Someone else's verification is a 404.
  const checkId = b.url().split("/").pop()!;
  const res = await a.goto(`/org/verify/${checkId}`);
  expect(res?.status()).toBe(404);
  await first.close();
  await second.close();
});
