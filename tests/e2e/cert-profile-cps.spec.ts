import path from "node:path";
import { expect, test } from "@playwright/test";

// The CP/CPS page every certificate's certificatePolicies extension points to (id-qt-cps): public,
// both languages, the policy OIDs and repository URLs the certificates carry. Screenshots at desktop
// width and at 390 px go to SCREENSHOT_DIR when set.
const shotPath = (name: string) => (process.env.SCREENSHOT_DIR ? path.join(process.env.SCREENSHOT_DIR, name) : test.info().outputPath(name));

test("/cps: the policy with its OIDs and URLs, Chinese first and English below, without login, on a phone too", async ({ page, baseURL }) => {
  const index = (await (await page.request.get("/pki/ca")).json()) as { cas: Array<{ id: string; kind: string; active: boolean }> };
  const issuing = index.cas.filter((c) => c.kind === "ISSUING" && c.active).at(-1)!;

  await page.goto("/cps");
  const zh = page.getByTestId("cps");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("证书策略与电子认证业务规则");
  await expect(zh).toContainText("个人证书策略 1.3.6.1.4.1.32473.1.1.1");
  await expect(zh).toContainText("单位证书策略 1.3.6.1.4.1.32473.1.1.2");
  await expect(zh).toContainText(`${baseURL}/pki/crl/${issuing.id}.crl`);
  await expect(zh).toContainText(`${baseURL}/pki/ocsp`);
  await expect(zh.getByRole("heading", { name: "4 证书生命周期" })).toBeVisible();
  await expect(zh).not.toContainText("##");
  await expect(page.locator("#cps-other")).toContainText("Certificate Policy and Certification Practice Statement");
  await expect(page.locator("#cps-other")).toContainText("responder, whose certificate lives 30 days");
  await page.screenshot({ path: shotPath("cps-desktop.png"), fullPage: false });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/cps");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: shotPath("cps-390.png"), fullPage: false });
});
