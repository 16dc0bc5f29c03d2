import { expect, test, type Browser, type Page } from "@playwright/test";
import { loginAs, readSmsCode, uniquePhone } from "./fixtures/auth";
import { phoneContext } from "./fixtures/review";
import { confirmDeposit, enterprise, fillEnterprise, fillHandler, settle, startUnit, uniqueIdNumber } from "./wizard-helpers";

// 证书查询 / 订单查询 without login (issue 13, Done when): a subject's orders opened with an SMS code
// sent to its applicant, by a browser that never logged in; desk at 1280 px and the phone at 390 px.

/** A person's order (IN_REVIEW) made through the E2E fixture route by a signed-in applicant. */
async function subjectWithOrder(browser: Browser) {
  const owner = await browser.newContext();
  const phone = await loginAs(owner);
  const res = await owner.request.post("/api/m/dev/fixture-order", { data: {} });
  expect(res.ok(), await res.text()).toBeTruthy();
  const { no, idNumber } = (await res.json()) as { no: string; idNumber: string };
  await owner.close();
  return { phone, no, idNumber };
}

async function lookUp(page: Page, { idNumber, phone, type = "INDIVIDUAL" }: { idNumber: string; phone: string; type?: "UNIT" | "INDIVIDUAL" }) {
  await page.goto("/lookup?channel=demo");
  await settle(page);
  await expect(page.locator("[data-hydrated]")).toBeVisible();
  await page.getByTestId(`lookup-type-${type}`).check();
  await page.getByTestId("lookup-subject-key").fill(idNumber);
  await page.getByTestId("lookup-phone").fill(phone);
  const started = new Date(Date.now() - 1000);
  await page.getByTestId("lookup-send-code").click();
  await expect(page.getByTestId("lookup-notice")).toContainText("验证码已发送至");
  return started;
}

test("desk 1280 px: logged out, a person's ID number and the applicant's SMS code open the orders; an unknown subject looks the same", async ({ browser }) => {
  const s = await subjectWithOrder(browser);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  expect((await context.cookies()).some((c) => c.name.endsWith("next-auth.session-token"))).toBe(false);

  // An unknown subject: the same notice, nothing sent.
  const strangerPhone = `199${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  await lookUp(page, { idNumber: uniqueIdNumber(), phone: strangerPhone });
  const unknownNotice = await page.getByTestId("lookup-notice").textContent();
  await page.screenshot({ path: test.info().outputPath("desk-lookup-form.png"), fullPage: true });
  const out = (await (await context.request.get(`/api/dev/outbox?to=${strangerPhone}`)).json()) as { messages: unknown[] };
  expect(out.messages).toHaveLength(0);

  const started = await lookUp(page, { idNumber: s.idNumber, phone: s.phone });
  const mask = (t: string | null) => t?.replace(/\d{3}\*{4}\d{4}/, "PHONE");
  expect(mask(await page.getByTestId("lookup-notice").textContent())).toBe(mask(unknownNotice));
  const code = await readSmsCode(context.request, s.phone, { after: started });
  await page.getByTestId("lookup-code").fill(code);
  await page.getByTestId("lookup-verify").click();

  const result = page.getByTestId("lookup-result");
  await expect(result).toBeVisible();
  await expect(result.getByTestId("lookup-order-no")).toHaveText([s.no]);
  await expect(result).toContainText("本渠道暂无该主体的证书");
  // The grant is an HttpOnly cookie; still no login session.
  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name === "certdesk-lookup")?.httpOnly).toBe(true);
  expect(cookies.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(false);
  await page.reload();
  await expect(page.getByTestId("lookup-order-no")).toHaveText([s.no]);
  await page.screenshot({ path: test.info().outputPath("desk-lookup-result.png"), fullPage: true });

  // 重新查询 ends it: the form again.
  await page.getByTestId("lookup-end").click();
  await expect(page.getByTestId("lookup-subject-key")).toBeVisible();
  await context.close();
});

test("phone 390 px: the same lookup, logged out", async ({ browser }) => {
  const s = await subjectWithOrder(browser);
  const context = await phoneContext(browser);
  const page = await context.newPage();
  const started = await lookUp(page, s);
  await page.screenshot({ path: test.info().outputPath("phone-lookup-form.png"), fullPage: true });
  await page.getByTestId("lookup-code").fill(await readSmsCode(context.request, s.phone, { after: started }));
  await page.getByTestId("lookup-verify").click();
  await expect(page.getByTestId("lookup-order-no")).toHaveText([s.no]);
  await page.screenshot({ path: test.info().outputPath("phone-lookup-result.png"), fullPage: true });
  await context.close();
});

test("desk 1280 px: a unit's USCC and its handler's SMS code (the handler named in the wizard) open the unit's order, logged out", async ({ browser }) => {
  test.setTimeout(180_000);
  const owner = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const userPhone = await loginAs(owner);
  const wizard = await owner.newPage();
  await startUnit(wizard);
  const e = enterprise();
  await fillEnterprise(wizard, e);
  const sentAt = new Date(Date.now() - 1000);
  await wizard.getByTestId("next").click();
  await expect(wizard.getByTestId("verification")).toBeVisible({ timeout: 30_000 });
  await confirmDeposit(wizard, owner.request, userPhone, sentAt);
  await settle(wizard, /\/handler$/);
  const handlerPhone = uniquePhone();
  await fillHandler(wizard, { name: "钱经办", idNumber: uniqueIdNumber(), phone: handlerPhone, email: "qian@example.com" });
  await wizard.getByTestId("next").click();
  await settle(wizard, /\/goods$/);
  await owner.close();

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const started = await lookUp(page, { idNumber: e.uscc, phone: handlerPhone, type: "UNIT" });
  await page.getByTestId("lookup-code").fill(await readSmsCode(context.request, handlerPhone, { after: started }));
  await page.getByTestId("lookup-verify").click();
  await expect(page.getByTestId("lookup-result")).toContainText("9111");
  await expect(page.getByTestId("lookup-order-no")).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath("desk-lookup-unit-result.png"), fullPage: true });
  await context.close();
});

test("desk menu: /change and /seals start a working flow; /unlock explains and hands over to the phone", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const path of ["/change", "/seals"]) {
    await page.goto(path);
    const start = page.getByTestId(`service-start-${path.slice(1)}`);
    await expect(start.getByRole("link", { name: "证书查询（免登录）" })).toHaveAttribute("href", "/lookup");
    await expect(start.getByRole("link", { name: "证书解锁" })).toHaveAttribute("href", "/unlock");
  }
  await page.screenshot({ path: test.info().outputPath("desk-seals-start.png"), fullPage: true });
  await page.goto("/unlock");
  await expect(page.getByTestId("unlock-start").getByRole("link", { name: "登录" })).toHaveAttribute("href", "/login?next=%2Funlock");
  // 补办 happens on the new phone: the phone handoff card (QR + link of /m + no-app help), not a bare address.
  const reissue = page.getByTestId("unlock-reissue");
  await expect(reissue.getByTestId("phone-link-qr")).toBeVisible();
  await expect(reissue.getByTestId("unlock-reissue-link")).toHaveAttribute("href", "/m");
  await expect(reissue.getByTestId("unlock-reissue-no-app")).toBeAttached();
  await page.screenshot({ path: test.info().outputPath("desk-unlock-anonymous.png"), fullPage: true });
  await loginAs(page.context());
  await page.goto("/unlock");
  await expect(page.getByTestId("unlock-none")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("desk-unlock.png"), fullPage: true });
});
