import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { devices, expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { parseSesSeal } from "../../lib/pki/ses-seal";
import { derFromPemOrDer } from "../../lib/pki/pem-blocks";
import { loginAs } from "./fixtures/auth";
import { consolePage, phoneContext } from "./fixtures/review";
import { downloadEnterpriseCertificate, pixelsOfDataUrl } from "./fixtures/seal-pages";
import { bidPdf, demoLogin, inkNear, opensslVerifies, renderPage, signaturesOf, stampOnDemo } from "./fixtures/signed-pdf";
import { launchPhoneBrowser, writeQrY4m } from "./scan-camera";
import { stampPhoto } from "../unit/seals/seal-photos";

// Issue 14's done-when chain with a member (授权用章): the enterprise's administrator uploads a photo of a red
// stamp on textured, noisy paper → the processed PNG is transparent outside the ink → the CA approves → the
// administrator grants the seal to a member's enterprise certificate → the member signs a bid PDF on the demo
// platform by scan with that seal at a clicked spot → poppler shows its pixels there, OpenSSL verifies the CMS
// over /ByteRange and the member's chain, the seal structure in the PDF lists the member's certificate; the
// member's own seal adds a second signature and the first still verifies.
test.setTimeout(300_000);
test.describe.configure({ mode: "serial" });

const PIN = "285714";
const dir = mkdtempSync(path.join(tmpdir(), "certdesk-seals-member-"));
const y4m = path.join(dir, "camera.y4m");
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? 3200}`;
const shot = (name: string) => path.join(process.env.SCREENSHOT_DIR ?? dir, `seals-member-${name}`);

let phoneBrowser: Browser;
let admin: BrowserContext;
let adminPage: Page;
let adminPhone: BrowserContext;
let member: BrowserContext;
let memberPhoneCtx: BrowserContext;
let memberPhone: Page;
let orgId: string;
let orgName: string;
let demoCtx: BrowserContext;
let firstSigned: Buffer;

test.beforeAll(async ({ browser }, testInfo) => {
  testInfo.setTimeout(300_000);
  const started = Date.now();
  writeQrY4m(y4m, "about:blank");
  phoneBrowser = await launchPhoneBrowser(y4m);
  // The administrator: a new enterprise with their approved unit order (seal option paid), certificate downloaded.
  admin = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 }, baseURL });
  await loginAs(admin);
  adminPhone = await phoneContext(browser);
  await adminPhone.addCookies(await admin.cookies());
  const res = await admin.request.post("/api/dev/fixture-seal-org");
  expect(res.status(), await res.text()).toBe(201);
  const fixture = (await res.json()) as { orderId: string; orgId: string };
  orgId = fixture.orgId;
  await downloadEnterpriseCertificate(await adminPhone.newPage(), fixture.orderId, PIN);
  // The member: their own unit order for the same enterprise; the download makes them a MEMBER with an enterprise certificate.
  member = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 }, baseURL });
  await loginAs(member);
  const { defaultBrowserType: _ignored, ...iphone } = devices["iPhone 13"];
  memberPhoneCtx = await phoneBrowser.newContext({ ...iphone, locale: "zh-CN", baseURL, permissions: ["camera"] });
  await memberPhoneCtx.addCookies(await member.cookies());
  const joined = await member.request.post("/api/dev/fixture-seal-org", { data: { joinOrgId: orgId } });
  expect(joined.status(), await joined.text()).toBe(201);
  memberPhone = await memberPhoneCtx.newPage();
  await downloadEnterpriseCertificate(memberPhone, ((await joined.json()) as { orderId: string }).orderId, PIN);
  // The member may use the enterprise certificate on the demo platform (the administrator's grant: org-flows).
  const authorized = await member.request.post("/api/dev/fixture-seal-org", { data: { authorizeOrgId: orgId } });
  expect(authorized.status(), await authorized.text()).toBe(201);
  // The member's own second seal (a generated personal seal on the same certificate, approved at once).
  const personal = await memberPhoneCtx.request.post("/api/m/dev/fixture-seal", { data: { kind: "PERSONAL" } });
  expect(personal.ok(), await personal.text()).toBeTruthy();
  adminPage = await admin.newPage();
  console.log(`seals-member setup: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

test.afterAll(async () => {
  await demoCtx?.close();
  await admin?.close();
  await adminPhone?.close();
  await member?.close();
  await phoneBrowser?.close();
});

test("the administrator uploads a stamp photo (transparent outside the ink), the CA approves, the administrator grants it to the member's certificate; the member sees it read-only", async ({ browser }) => {
  const started = Date.now();
  await adminPage.goto(`/org/${orgId}/seals`);
  orgName = (await adminPage.getByRole("link", { name: /印章测试/ }).first().textContent())!.trim();
  await adminPage.waitForLoadState("networkidle");
  const maker = adminPage.getByTestId("seal-maker-org");
  await maker.getByTestId("seal-kind").selectOption("OFFICIAL");
  await maker.getByTestId("seal-file").setInputFiles({ name: "stamp.jpg", mimeType: "image/jpeg", buffer: await stampPhoto({ seed: (Date.now() % 997) + 3 }) });
  await maker.getByTestId("seal-preview").click();
  await expect(maker.getByTestId("seal-compare")).toBeVisible({ timeout: 30_000 });
  const processed = await pixelsOfDataUrl((await maker.getByTestId("seal-processed").getAttribute("src"))!);
  expect([processed.width, processed.height]).toEqual([400, 400]);
  for (const [x, y] of [[0, 0], [399, 0], [0, 399], [399, 399], [200, 110], [120, 200]] as const) expect(processed.alpha(x, y), `${x},${y}`).toBe(0);
  expect(processed.alpha(200, 200)).toBeGreaterThan(200);
  // Bound by default to the administrator's own certificate (the member's is newer, and listed after it).
  const own = maker.getByTestId("seal-certificate").locator("option").filter({ hasText: "李印章" }).first();
  await expect(maker.getByTestId("seal-certificate")).toHaveValue((await own.getAttribute("value"))!);
  await maker.getByTestId("seal-submit").click();
  await expect(maker.getByTestId("seal-done")).toBeVisible({ timeout: 30_000 });

  const reviewer = await consolePage(browser);
  await reviewer.goto("/console/seals");
  await reviewer.getByRole("row").filter({ hasText: orgName }).filter({ hasText: "公章" }).first().getByTestId("seal-review-open").click();
  await expect(reviewer.getByTestId("seal-review-compare")).toBeVisible();
  await reviewer.waitForLoadState("networkidle");
  await reviewer.getByTestId("seal-approve").click();
  await expect(reviewer.getByTestId("seal-esid")).toBeVisible({ timeout: 30_000 });
  await reviewer.context().close();

  // 授权使用: the administrator picks the member's certificate (张成员) on the approved 公章's row.
  await adminPage.goto(`/org/${orgId}/seals`);
  await adminPage.waitForLoadState("networkidle");
  const row = adminPage.getByRole("row").filter({ hasText: `${orgName} 公章` }).filter({ hasText: "已生效" });
  const grants = row.getByTestId("seal-grants");
  await expect(grants).toContainText("李印章"); // the bound certificate's holder
  await expect(grants.getByTestId("seal-grant")).toHaveCount(0);
  const pick = grants.getByTestId("seal-grant-pick");
  const option = pick.locator("option").filter({ hasText: "张成员" });
  await expect(option).toHaveCount(1);
  await pick.selectOption((await option.getAttribute("value"))!);
  await grants.getByTestId("seal-grant-submit").click();
  await expect(grants.getByTestId("seal-grant").filter({ hasText: "张成员" })).toHaveCount(1, { timeout: 30_000 });
  await adminPage.screenshot({ path: shot("admin-1280.png"), fullPage: true });
  await adminPage.setViewportSize({ width: 390, height: 844 });
  await adminPage.screenshot({ path: shot("admin-390.png"), fullPage: true });

  // The member: the same list read-only — who may use it (their own certificate), no maker, no grant controls.
  const page = await member.newPage();
  await page.goto(`/org/${orgId}/seals`);
  const memberRow = page.getByRole("row").filter({ hasText: `${orgName} 公章` });
  await expect(memberRow.getByTestId("seal-grant").filter({ hasText: "张成员" })).toHaveCount(1);
  await expect(page.getByTestId("seal-maker-org")).toHaveCount(0);
  await expect(page.getByTestId("seal-grant-pick")).toHaveCount(0);
  await expect(page.getByTestId("seal-grant-withdraw")).toHaveCount(0);
  await expect(page.getByTestId("seal-member-hint")).toBeVisible();
  await page.screenshot({ path: shot("member-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shot("member-390.png"), fullPage: true });
  await page.close();
  // The app's 企业印章 (/m/org/[orgId]/seals) shows the same, read-only for the member.
  await memberPhone.goto(`/m/org/${orgId}/seals`);
  const card = memberPhone.getByTestId("phone-seal").filter({ hasText: `${orgName} 公章` });
  await expect(card.getByTestId("seal-grant").filter({ hasText: "张成员" })).toHaveCount(1);
  await expect(card.getByTestId("seal-grant-pick")).toHaveCount(0);
  await memberPhone.screenshot({ path: shot("member-phone-390.png"), fullPage: true });
  // 我的印章 lists it under the member's enterprise certificate, read-only: 企业授权 with the enterprise's name
  // and the grant's validity, no download (the PIN is the bound certificate's holder's), no actions.
  await memberPhone.goto("/m/seals");
  const granted = memberPhone.getByTestId("phone-seal-group").filter({ hasText: orgName }).getByTestId("phone-seal").filter({ hasText: `${orgName} 公章` });
  await expect(granted).toHaveCount(1);
  await expect(granted.getByTestId("seal-granted")).toContainText(`企业授权 · ${orgName}`);
  await expect(granted.getByTestId("seal-granted-validity")).toHaveText(/^授权有效期 \d{4}年\d{1,2}月\d{1,2}日 至 \d{4}年\d{1,2}月\d{1,2}日$/);
  await expect(granted.getByText("已生效")).toBeVisible();
  await expect(granted.getByRole("button")).toHaveCount(0);
  await granted.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await memberPhone.screenshot({ path: shot("member-my-seals-390.png") });
  // The desk's 印章办理 says the same.
  const hub = await member.newPage();
  await hub.goto("/seals");
  const hubRow = hub.getByTestId("seal-granted-list").getByRole("row").filter({ hasText: `${orgName} 公章` });
  await expect(hubRow.getByTestId("seal-granted")).toContainText(`企业授权 · ${orgName}`);
  await expect(hub.getByTestId("seal-open-org")).toHaveText("查看企业印章"); // a member reads, the administrator 办理
  await hub.screenshot({ path: shot("member-hub-1280.png"), fullPage: true });
  await hub.close();
  console.log(`seals-member make + approve + grant: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

test("the member signs a bid PDF on the demo platform with the granted 公章 at a clicked spot, then with their own seal: both verify, the seal's structure lists the member's certificate", async ({ browser }) => {
  const started = Date.now();
  demoCtx = await browser.newContext({ baseURL, viewport: { width: 1280, height: 1000 }, locale: "zh-CN" });
  const signing = { demo: await demoCtx.newPage(), phone: memberPhone, y4m, pin: PIN };
  await demoLogin(signing);
  writeFileSync(path.join(dir, "bid.pdf"), await bidPdf());
  await signing.demo.getByTestId("demo-pdf-file").setInputFiles(path.join(dir, "bid.pdf"));
  await signing.demo.getByTestId("demo-pdf-upload").click();
  // The platform lists the seals usable with the member's certificate: the granted 公章 and their own.
  await expect(signing.demo.getByTestId("demo-pdf-seal")).toHaveCount(2, { timeout: 30_000 });
  await expect(signing.demo.getByTestId("demo-pdf-seal").filter({ hasText: `${orgName} 公章` })).toHaveCount(1);

  await stampOnDemo(signing, { sealName: `${orgName} 公章`, grantedBy: orgName, page: 2, x: 0.3, y: 0.4, phoneShot: shot("phone-confirm-390.png") });
  await expect(signing.demo.locator('[data-testid="demo-pdf-signature"][data-valid="true"]')).toHaveCount(1, { timeout: 30_000 });
  firstSigned = await (await demoCtx.request.get("/demo/tender/api/pdf/file")).body();
  const [sig] = signaturesOf(firstSigned);
  expect(sig.byteRange[0]).toBe(0);
  expect(sig.byteRange[2] + sig.byteRange[3]).toBe(firstSigned.length);
  expect(await opensslVerifies(demoCtx.request, dir, firstSigned, sig, "first")).toEqual({ digestMatches: true, signatureOk: true, chainOk: true });
  // The signer is the member (张成员's enterprise certificate), and the SES_Seal the platform drew into the
  // signed revision lists that certificate (授权用章 re-issued it) after the administrator's bound one.
  const signerDer = derFromPemOrDer(readFileSync(path.join(dir, "first-signer.pem"), "utf8"), "CERTIFICATE");
  const ses = parseSesSeal(Buffer.from(/\/CertDesk_SESSeal\s*<([0-9A-Fa-f]+)>/.exec(firstSigned.toString("latin1"))![1], "hex"));
  expect(ses.info.name).toBe(`${orgName} 公章`);
  expect(ses.info.certs).toHaveLength(2);
  expect(Buffer.from(ses.info.certs[1]).equals(Buffer.from(signerDer))).toBe(true);
  // The seal's red pixels at 30 % / 40 % of page 2 (A4 at 72 dpi), none there on page 1.
  expect(inkNear(await renderPage(dir, firstSigned, 2), 0.3 * 595.28, 0.4 * 841.89, 28, "red")).toBeGreaterThan(150);
  expect(inkNear(await renderPage(dir, firstSigned, 1), 0.3 * 595.28, 0.4 * 841.89, 28, "red")).toBe(0);

  // A second seal (the member's personal seal) on page 1: a second, incremental signature; the first still verifies.
  await stampOnDemo(signing, { sealName: "个人印章（测试）", page: 1, x: 0.7, y: 0.85 });
  await expect(signing.demo.locator('[data-testid="demo-pdf-signature"][data-valid="true"]')).toHaveCount(2, { timeout: 30_000 });
  const twice = await (await demoCtx.request.get("/demo/tender/api/pdf/file")).body();
  expect(twice.subarray(0, firstSigned.length).equals(firstSigned)).toBe(true);
  const sigs = signaturesOf(twice);
  expect(sigs).toHaveLength(2);
  expect(sigs[0].byteRange[2] + sigs[0].byteRange[3]).toBe(firstSigned.length);
  expect(await opensslVerifies(demoCtx.request, dir, twice, sigs[0], "again-first")).toEqual({ digestMatches: true, signatureOk: true, chainOk: true });
  expect(await opensslVerifies(demoCtx.request, dir, twice, sigs[1], "second")).toEqual({ digestMatches: true, signatureOk: true, chainOk: true });
  expect(inkNear(await renderPage(dir, twice, 1), 0.7 * 595.28, 0.85 * 841.89, 28, "red")).toBeGreaterThan(100);
  expect(inkNear(await renderPage(dir, twice, 2), 0.3 * 595.28, 0.4 * 841.89, 28, "red")).toBeGreaterThan(150);
  await signing.demo.screenshot({ path: shot("demo-1280.png"), fullPage: true });

  // The administrator withdraws the grant (撤销授权): the 公章 leaves the member's 我的印章; their own seal stays.
  await adminPage.setViewportSize({ width: 1280, height: 900 });
  await adminPage.goto(`/org/${orgId}/seals`);
  await adminPage.waitForLoadState("networkidle");
  const grants = adminPage.getByRole("row").filter({ hasText: `${orgName} 公章` }).filter({ hasText: "已生效" }).getByTestId("seal-grants");
  await grants.getByTestId("seal-grant").filter({ hasText: "张成员" }).getByTestId("seal-grant-withdraw").click();
  await grants.getByTestId("seal-grant-withdraw-confirm").click();
  await expect(grants.getByTestId("seal-grant")).toHaveCount(0, { timeout: 30_000 });
  await memberPhone.goto("/m/seals");
  await expect(memberPhone.getByTestId("phone-seal").filter({ hasText: "个人印章（测试）" })).toHaveCount(1);
  await expect(memberPhone.getByTestId("phone-seal").filter({ hasText: `${orgName} 公章` })).toHaveCount(0);
  await expect(memberPhone.getByTestId("seal-granted")).toHaveCount(0);
  console.log(`seals-member sign twice: ${((Date.now() - started) / 1000).toFixed(1)} s; files in ${dir}`);
});
