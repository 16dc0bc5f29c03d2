import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO, loginAs, loginWithPassword } from "./fixtures/auth";
import { applicantWithOrder, approveInConsole, downloadOnPhone, phoneContext } from "./fixtures/review";

// Two-party key generation, issuance and first compiles of the pages on a shared 2-core machine.
test.setTimeout(180_000);

test("a reviewer approves; the applicant downloads on the phone with a PIN; OpenSSL verifies the certificate", async ({ browser }) => {
  const phone = await phoneContext(browser);
  const order = await applicantWithOrder(phone);

  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await loginWithPassword(desk, DEMO.reviewer);
  const console = await desk.newPage();
  await console.goto("/console");
  await expect(console.getByTestId("review-queue-count")).toBeVisible();
  await approveInConsole(console, order.no);
  await expect(console.getByTestId("decision-result")).toHaveText("已审核通过，申请人已收到通知。");

  const page = await phone.newPage();
  await page.goto("/m");
  await expect(page.getByTestId(`download-${order.orderId}`)).toBeVisible();
  const certId = await downloadOnPhone(page, order.orderId, "285714");

  // The signing certificate and its issuing CA, as a relying party gets them.
  const res = await phone.request.get(`/api/m/certificates/${certId}`);
  expect(res.ok()).toBeTruthy();
  const caId = res.headers()["x-ca-id"]!;
  const ca = await phone.request.get(`/pki/ca/${caId}.pem`);
  expect(ca.ok()).toBeTruthy();
  const dir = mkdtempSync(path.join(tmpdir(), "certdesk-e2e-"));
  writeFileSync(path.join(dir, "leaf.pem"), await res.text());
  writeFileSync(path.join(dir, "ca.pem"), await ca.text());
  const out = execFileSync("openssl", ["verify", "-vfyopt", "distid:1234567812345678", "-partial_chain", "-CAfile", "ca.pem", "leaf.pem"], { cwd: dir }).toString();
  expect(out).toContain("leaf.pem: OK");

  // A PIN-checked joint signature with the stored share works on the phone.
  await page.waitForLoadState("networkidle");
  await page.getByTestId("pin").fill("285714");
  await page.getByTestId("test-sign").click();
  await expect(page.getByTestId("sign-result")).toHaveText("签名成功并已验证");

  // The order is complete; downloading again is no longer offered.
  await page.goto(`/m/download/${order.orderId}`);
  await expect(page.getByText("该订单当前无法下载证书")).toBeVisible();
});

test("an applicant cannot open the console (403) or another applicant's order (404)", async ({ browser }) => {
  const other = await browser.newContext();
  const theirs = await applicantWithOrder(other);
  const ctx = await browser.newContext();
  await loginAs(ctx);
  const page = await ctx.newPage();
  const consoleRes = await page.goto("/console/reviews");
  expect(consoleRes?.status()).toBe(403);
  const reviewRes = await page.goto(`/console/reviews/${theirs.orderId}`);
  expect(reviewRes?.status()).toBe(403);
  const orderRes = await page.goto(`/orders/${theirs.orderId}`);
  expect(orderRes?.status()).toBe(404);
  const api = await ctx.request.post("/api/m/keygen", { data: { orderId: theirs.orderId, usage: "SIGN", request: {} } });
  expect([404, 422]).toContain(api.status());
  const download = await page.goto(`/m/download/${theirs.orderId}`);
  expect(download?.status()).toBe(200);
  await expect(page.getByText("该订单当前无法下载证书")).toBeVisible();
});
