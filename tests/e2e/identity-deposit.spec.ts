import { expect, test } from "@playwright/test";
import { loginAs } from "./fixtures/auth";

// Several contexts and a dev server compiling on first use: give each test room.
test.describe.configure({ timeout: 180_000 });
const SLOW = { timeout: 30_000 };

const UNIT = { name: "沙箱测试科技有限公司", uscc: "91350100M000100Y43", bankName: "中国工商银行", bankAccount: "0200001009000012345" };

test("the corporate micro-deposit code from the sandbox bank passes the check", async ({ page, context }) => {
  await loginAs(context);
  const res = await context.request.post("/api/identity-checks", { data: { method: "CORP_DEPOSIT", role: "ENTERPRISE", subject: UNIT } });
  const { checkId } = (await res.json()) as { checkId: string };
  await page.goto(`/identity-checks/${checkId}`);
  await expect(page.getByRole("heading", { name: "填写打款验证码" })).toBeVisible(SLOW);

  // The sandbox bank shows the transfer and its memo, as the account's statement would.
  const bank = await context.newPage();
  await bank.goto(`/sandbox/bank/${checkId}`);
  const memo = await bank.getByTestId("sandbox-bank-notice").innerText(SLOW);
  const code = memo.match(/验证码(\d{6})/)![1]!;
  await bank.close();

  const wrong = code === "000000" ? "111111" : "000000";
  await page.getByLabel("附言中的 6 位验证码").fill(wrong);
  await page.getByRole("button", { name: "提交验证码" }).click();
  await expect(page.getByText("验证码不正确，还可尝试 2 次").first()).toBeVisible(SLOW);

  await page.getByLabel("附言中的 6 位验证码").fill(code);
  await page.getByRole("button", { name: "提交验证码" }).click();
  await expect(page.getByTestId("identity-check-panel")).toHaveAttribute("data-status", "PASSED", SLOW);
  await expect(page.getByText("对公账户打款核验已通过")).toBeVisible();
});

test("a rejected account fails at once with the reason", async ({ page, context }) => {
  await loginAs(context);
  const res = await context.request.post("/api/identity-checks", { data: { method: "CORP_DEPOSIT", role: "ENTERPRISE", subject: { ...UNIT, bankAccount: "11111111111111111111" } } });
  const { checkId, status } = (await res.json()) as { checkId: string; status: string };
  expect(status).toBe("FAILED");
  await page.goto(`/identity-checks/${checkId}`);
  await expect(page.getByText("对公账户打款核验未通过")).toBeVisible(SLOW);
  await expect(page.getByText(/打款失败：账户不存在/)).toBeVisible();
});
