// Issue 12 "Done when", end to end in Chromium (desk 1280 px, phone 390 px), every step through the UI:
// 1 claim (unit wizard → pay → CA approves → A downloads → A is 管理员); 2 join (B real-name verified, /org/join
// naming A, demo platform only → A's 审核 on the phone signs the letter with the PIN → B pays → CA approves → B
// downloads); 3 B logs in at the demo tender platform; a second registered platform is refused (phone + API
// reason); 4 A removes B → `openssl ocsp` says revoked; 5 C added by A, administrator transferred to C with the
// certificate; 6 the channel's 法定代表人审核 on: the legal rep verifies, D's join waits for them, then for C.
// Every QR (the demo's, the second platform's, the desk's own letters) is read by the phone's 扫一扫 through
// Chromium's fake camera (scan-camera.ts), except the 审核 同意 on the phone, which opens the scan page itself.
// The permission matrix is org-permission-matrix.spec.ts.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { approveInConsole, consolePage, downloadOnPhone } from "./fixtures/review";
import { closePerson, newestOrder, person as newPerson, registerPlatform, scanAndConfirm, scanWithCamera, setLegalRepApproval, signOnScanPage, verifyRealName, type Person } from "./fixtures/org";
import { launchPhoneBrowser, writeQrY4m } from "./scan-camera";
import { claimThroughUnitWizard, enterprise, paySandbox, settle, startUnit, uniqueIdNumber } from "./wizard-helpers";

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ mode: "serial" });

const PIN = "285714";
const DEMO_PLATFORM = "演示招投标交易平台";
const e = enterprise({ name: `流程测试建设工程有限公司${Math.floor(Math.random() * 1e4)}` });
const names = { a: "周管理", b: "吴成员", c: "郑接任", d: "王申请" };
const ids = { a: uniqueIdNumber(), b: uniqueIdNumber(), c: uniqueIdNumber(), d: uniqueIdNumber() };

let A: Person;
let B: Person;
let C: Person;
let orgId = "";
let bSerial = "";
let dir = "";
let y4m = "";
let phoneBrowser: Browser;
let legalRepSwitched = false;
const person = (browser: Browser, phoneNo?: string) => newPerson(browser, phoneBrowser, phoneNo);

// SCREENSHOT_DIR keeps them out of test-results/, which the next Playwright run (anyone's) empties.
const shotPath = (name: string) => (process.env.SCREENSHOT_DIR ? path.join(process.env.SCREENSHOT_DIR, name) : test.info().outputPath(name));
const shot = (page: Page, name: string) => page.screenshot({ path: shotPath(name), fullPage: true });
const openssl = (args: string[]) => {
  const run = spawnSync("openssl", args, { encoding: "utf8" });
  return `${run.stdout}${run.stderr}`;
};

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "certdesk-org-flows-"));
  y4m = path.join(dir, "camera.y4m");
  writeQrY4m(y4m, "about:blank");
  phoneBrowser = await launchPhoneBrowser(y4m);
});

test.afterAll(async ({ browser }) => {
  // The demo channel is shared with every other spec: its switch goes back off whatever happened.
  if (legalRepSwitched) await setLegalRepApproval(browser, false);
  for (const p of [A, B, C]) await closePerson(p);
  await phoneBrowser?.close();
  rmSync(dir, { recursive: true, force: true });
});

test("1 claim: A's unit wizard → pays → the CA approves → A downloads on the phone and is 管理员", async ({ browser }) => {
  test.setTimeout(600_000);
  A = await person(browser);
  const { desk, context } = A;
  await verifyRealName(desk, names.a, ids.a);
  const orderId = await startUnit(desk);
  await claimThroughUnitWizard(desk, { request: context.request, browser, userPhone: A.phoneNo, e, orderId });

  const order = await newestOrder(desk);
  expect(order.id).toBe(orderId);
  const reviewer = await consolePage(browser);
  await approveInConsole(reviewer, order.no);
  await reviewer.context().close();

  await A.phone.goto("/m");
  await downloadOnPhone(A.phone, orderId, PIN);
  await shot(A.phone, "1-a-phone-certificate.png");
  await desk.goto("/org");
  await settle(desk);
  const row = desk.getByRole("row").filter({ hasText: e.name });
  await expect(row).toContainText("管理员");
  await desk.getByTestId("org-row").filter({ hasText: e.name }).click();
  await settle(desk, /\/org\/[^/]+$/);
  orgId = new URL(desk.url()).pathname.split("/")[2]!;
  await expect(desk.getByTestId("org-my-role")).toHaveText("管理员");
  await shot(desk, "1-a-org-overview.png");
});

test("2 join: B (实名认证) asks to join for the demo platform → A approves and signs on the phone → B pays → CA approves → B downloads", async ({ browser }) => {
  test.setTimeout(600_000);
  B = await person(browser);
  const { desk } = B;
  await verifyRealName(desk, names.b, ids.b);
  await desk.goto(`/org/join?uscc=${e.uscc}`);
  await settle(desk);
  await expect(desk.getByLabel("统一社会信用代码")).toHaveValue(e.uscc);
  await desk.getByLabel("管理员姓名").fill(names.a);
  await desk.getByLabel("管理员手机号").fill(A.phoneNo);
  await desk.getByTestId("join-form").getByRole("checkbox", { name: DEMO_PLATFORM }).check();
  await shot(desk, "2-b-join-form.png");
  await desk.getByRole("button", { name: "提交加入申请" }).click();
  await expect(desk.getByTestId("join-sent")).toBeVisible();
  await shot(desk, "2-b-join-sent.png");

  // A's phone: 审核 → 同意并签署 opens the scan confirmation page for the letter → PIN.
  await A.phone.goto(`/m/org/${orgId}/requests`);
  await settle(A.phone);
  const card = A.phone.getByTestId("org-request").filter({ hasText: names.b });
  await expect(card).toContainText(DEMO_PLATFORM);
  await shot(A.phone, "2-a-phone-requests.png");
  await card.getByTestId("request-approve").click();
  await expect(A.phone).toHaveURL(/\/m\/s\/[A-Za-z0-9_-]+$/, { timeout: 60_000 });
  await shot(A.phone, "2-a-phone-letter-scan.png");
  await signOnScanPage(A.phone, PIN);
  await shot(A.phone, "2-a-phone-letter-signed.png");

  // The applied letter created B's enterprise certificate order: B pays, the CA approves, B downloads.
  const order = await newestOrder(desk);
  await desk.goto(`/orders/${order.id}/resume`);
  await settle(desk, new RegExp(`/apply/unit/${order.id}/pay$`));
  await shot(desk, "2-b-pay.png");
  await paySandbox(desk, browser, order.id);
  const reviewer = await consolePage(browser);
  await approveInConsole(reviewer, order.no);
  await reviewer.context().close();
  await B.phone.goto("/m");
  await downloadOnPhone(B.phone, order.id, PIN);
  bSerial = (await B.phone.getByTestId("cert-serial").textContent())!.trim();
  expect(bSerial).toMatch(/^[0-9A-Fa-f:]+$/);
  await shot(B.phone, "2-b-phone-certificate.png");
  await desk.goto("/org");
  await settle(desk);
  await expect(desk.getByRole("row").filter({ hasText: e.name })).toContainText("成员");
});

test("3 platforms: B logs in at the demo tender platform by scan; a second registered platform is refused with not_authorized_for_platform", async ({ browser }) => {
  test.setTimeout(300_000);
  const tender = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
  const demo = await tender.newPage();
  await demo.goto("/demo/tender");
  await settle(demo);
  await demo.getByTestId("demo-login-start").click();
  const qr = demo.getByTestId("demo-qr");
  await expect(qr).toBeVisible();
  await scanAndConfirm(B.phone, y4m, (await qr.getAttribute("data-qr-content"))!, PIN);
  await expect(demo.getByTestId("demo-logged-in")).toContainText("已登录：", { timeout: 30_000 });
  await shot(demo, "3-demo-logged-in.png");
  await tender.close();

  // Another platform, registered on the console, creates its request through the public API.
  const other = await registerPlatform(browser, "第二测试交易平台");
  const created = await B.context.request.post("/api/v1/scan-requests", { headers: { authorization: other.authorization }, data: { type: "login", challenge: `org-flows-${Date.now()}` } });
  expect(created.status(), await created.text()).toBe(201);
  const scan = (await created.json()) as { id: string; qrContent: string };
  await scanWithCamera(B.phone, y4m, scan.qrContent);
  const refused = B.phone.getByTestId("scan-result");
  await expect(refused).toHaveAttribute("data-outcome", "refused");
  await expect(refused).toHaveAttribute("data-reason", "not_authorized_for_platform");
  await expect(B.phone.getByTestId("scan-platform")).toHaveText("第二测试交易平台");
  await expect(B.phone.getByTestId("scan-refused-title")).toContainText("未获授权");
  await shot(B.phone, "3-b-phone-refused.png");
  const seen = await B.context.request.get(`/api/v1/scan-requests/${scan.id}`, { headers: { authorization: other.authorization } });
  expect(seen.ok()).toBe(true);
  const body = (await seen.json()) as { status: string; failReason: string };
  expect(body.status).toBe("rejected");
  expect(body.failReason).toBe("not_authorized_for_platform");
});

test("4 removal: A removes B on the desk (人员管理, confirm) → openssl ocsp reports B's certificate revoked", async ({ baseURL }) => {
  test.setTimeout(300_000);
  const { desk } = A;
  await desk.goto(`/org/${orgId}/members`);
  await settle(desk);
  const row = desk.getByRole("row").filter({ hasText: names.b });
  await expect(row).toBeVisible();
  await shot(desk, "4-a-members.png");
  desk.once("dialog", (d) => {
    expect(d.message()).toContain(names.b);
    void d.accept();
  });
  await row.getByRole("button", { name: "移除" }).click();
  await expect(desk.getByText(`已移除「${names.b}」`)).toBeVisible();
  await expect(desk.getByRole("row").filter({ hasText: names.b })).toHaveCount(0);
  await shot(desk, "4-a-members-removed.png");

  // The issuing CA from /pki, then OpenSSL asks the desk's OCSP responder about B's serial.
  const index = (await (await A.context.request.get("/pki/ca")).json()) as { cas: Array<{ kind: string; active: boolean; certificateUrl: string }> };
  const issuing = index.cas.filter((c) => c.kind === "ISSUING" && c.active).at(-1)!;
  const der = await A.context.request.get(new URL(issuing.certificateUrl).pathname);
  writeFileSync(path.join(dir, "issuing.der"), await der.body());
  openssl(["x509", "-inform", "DER", "-in", path.join(dir, "issuing.der"), "-out", path.join(dir, "issuing.pem")]);
  const serial = `0x${bSerial.replace(/:/g, "")}`;
  let out = "";
  await expect
    .poll(() => {
      out = openssl(["ocsp", "-issuer", path.join(dir, "issuing.pem"), "-serial", serial, "-url", `${baseURL}/pki/ocsp`, "-resp_text", "-noverify"]);
      return out;
    }, { timeout: 30_000, intervals: [1_000] })
    .toContain("Cert Status: revoked");
  expect(out).toContain("OCSP Response Status: successful");
  expect(out).toContain("Revocation Time:");
});

test("5 transfer: A adds C (实名认证) in 人员管理, transfers the administrator role to C with the certificate → C 管理员, A 证书管理员", async ({ browser }) => {
  test.setTimeout(300_000);
  C = await person(browser);
  await verifyRealName(C.desk, names.c, ids.c);
  const { desk } = A;
  await desk.goto(`/org/${orgId}/members`);
  await settle(desk);
  const add = desk.getByTestId("member-add");
  await add.getByLabel("姓名").fill(names.c);
  await add.getByLabel("身份证号").fill(ids.c);
  await add.getByLabel("手机号").fill(C.phoneNo);
  await desk.getByRole("button", { name: "添加", exact: true }).click();
  await expect(desk.getByRole("row").filter({ hasText: names.c })).toBeVisible();

  await desk.goto(`/org/${orgId}/transfer`);
  await settle(desk);
  const target = desk.getByTestId("transfer-target");
  const option = target.locator("option").filter({ hasText: names.c });
  await target.selectOption((await option.getAttribute("value"))!);
  await desk.getByTestId("transfer-sign").click();
  await expect(desk.getByTestId("sign-letter-text")).toContainText("管理员转授书");
  await expect(desk.getByTestId("sign-letter-text")).toContainText(names.c);
  const qr = desk.getByTestId("sign-letter-qr");
  await expect(qr).toBeVisible();
  await shot(desk, "5-a-transfer-letter.png");
  await scanAndConfirm(A.phone, y4m, (await qr.getAttribute("data-url"))!, PIN);
  // Applied: A's transfer page, no longer A's to see, hands over to the overview with A's new role.
  await settle(desk, new RegExp(`/org/${orgId}$`));
  await expect(desk.getByTestId("org-my-role")).toHaveText("证书管理员");
  await shot(desk, "5-a-after-transfer.png");

  await C.desk.goto(`/org/${orgId}`);
  await settle(C.desk);
  await expect(C.desk.getByTestId("org-my-role")).toHaveText("管理员");
  await shot(C.desk, "5-c-overview.png");
  expect((await desk.goto(`/org/${orgId}/transfer`))?.status()).toBe(403);
});

test("6 legal-person approval: the channel's switch on → the legal rep verifies, D's join waits for them, then moves to C", async ({ browser }) => {
  test.setTimeout(300_000);
  await setLegalRepApproval(browser, true, shotPath("6-console-channel.png"));
  legalRepSwitched = true;

  const L = await person(browser, e.legalRepPhone);
  const D = await person(browser);
  try {
    await verifyRealName(D.desk, names.d, ids.d);
    await L.desk.goto(`/org/${orgId}/legal-rep`);
    await settle(L.desk);
    const form = L.desk.getByTestId("legal-rep-form");
    await form.getByLabel("统一社会信用代码").fill(e.uscc);
    await shot(L.desk, "6-legal-rep-verify.png");
    await form.getByRole("button", { name: "核验并成为法定代表人" }).click();
    await expect(L.desk.getByTestId("legal-rep-pending")).toBeVisible();

    await D.desk.goto(`/org/join?uscc=${e.uscc}`);
    await settle(D.desk);
    await D.desk.getByLabel("管理员姓名").fill(names.c);
    await D.desk.getByLabel("管理员手机号").fill(C.phoneNo);
    await D.desk.getByTestId("join-form").getByRole("checkbox", { name: DEMO_PLATFORM }).check();
    await D.desk.getByRole("button", { name: "提交加入申请" }).click();
    await expect(D.desk.getByTestId("join-sent")).toContainText("待法定代表人审核");

    // Not yet with the administrator.
    await C.desk.goto(`/org/${orgId}/requests`);
    await settle(C.desk);
    await expect(C.desk.getByTestId("requests-pending").getByTestId("org-request").filter({ hasText: names.d })).toHaveCount(0);

    await L.desk.goto(`/org/${orgId}/legal-rep`);
    await settle(L.desk);
    const card = L.desk.getByTestId("legal-rep-pending").getByTestId("org-request").filter({ hasText: names.d });
    await expect(card).toHaveAttribute("data-status", "PENDING_LEGAL_REP");
    await shot(L.desk, "6-legal-rep-pending.png");
    await card.getByTestId("request-approve").click();
    // Forwarded: the page refreshes and the request leaves what waits for the legal person.
    await expect(card).toHaveCount(0);

    await C.desk.goto(`/org/${orgId}/requests`);
    await settle(C.desk);
    const atAdmin = C.desk.getByTestId("requests-pending").getByTestId("org-request").filter({ hasText: names.d });
    await expect(atAdmin).toHaveAttribute("data-status", "PENDING_ADMIN");
    await expect(atAdmin.getByTestId("request-approve")).toBeVisible();
    await shot(C.desk, "6-c-requests.png");
  } finally {
    await closePerson(L);
    await closePerson(D);
  }
  await setLegalRepApproval(browser, false);
  legalRepSwitched = false;
});
