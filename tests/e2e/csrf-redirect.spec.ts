import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { loginAs } from "./fixtures/auth";

// Attacks from a page on ANOTHER PORT of the same host (same-site, so the victim's SameSite=Lax
// session cookie travels with its requests), and redirects after login. Reproduced against the
// desk before the guarded wrappers; each must now be refused.

function attackerSite(html: string) {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(html);
  });
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((r) => server.close(() => r())) }),
    ),
  );
}

test.describe("cross-site requests with the victim's session", () => {
  test("a text/plain fetch from another port does not create an order", async ({ page, baseURL }) => {
    await loginAs(page.context()); // a fresh applicant: no orders yet
    const attacker = await attackerSite(`<script>
      fetch(${JSON.stringify(`${baseURL}/api/dev/sandbox-order`)}, { method: "POST", credentials: "include", mode: "no-cors",
        headers: { "content-type": "text/plain" }, body: JSON.stringify({ priceFen: 100 }) }).then(() => document.title = "sent", () => document.title = "sent");
    </script>`);
    try {
      const attempt = page.waitForResponse((r) => r.url().endsWith("/api/dev/sandbox-order"));
      await page.goto(attacker.url);
      const res = await attempt;
      // (An opaque no-cors answer: the status is visible to the browser, not its body.)
      expect(res.status()).toBe(403);
    } finally {
      await attacker.close();
    }
    // Nothing was created: the victim's 订单管理 (which opens on the first tab with orders) is empty.
    await page.goto("/orders");
    await expect(page.getByTestId("tab-unfinished")).toBeVisible();
    await expect(page.getByTestId("order-row-no")).toHaveCount(0);
  });

  test("a form on another port posting to /api/auth/logout does not log the victim out", async ({ page, baseURL }) => {
    await loginAs(page.context());
    const attacker = await attackerSite(`<form id="f" method="post" action="${baseURL}/api/auth/logout"></form><script>document.getElementById("f").submit()</script>`);
    try {
      const attempt = page.waitForResponse((r) => r.url().endsWith("/api/auth/logout"));
      await page.goto(attacker.url);
      expect((await attempt).status()).toBe(403);
    } finally {
      await attacker.close();
    }
    await page.goto("/account");
    await expect(page.getByTestId("account-phone")).toBeVisible();
  });

  test("our own logout form still logs out", async ({ page }) => {
    await loginAs(page.context());
    await page.goto("/account");
    const res = await page.request.post("/api/auth/logout", { headers: { origin: new URL(page.url()).origin, "sec-fetch-site": "same-origin" }, form: {}, maxRedirects: 0 });
    expect(res.status()).toBe(303);
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe("redirect after login", () => {
  test("/login?next=/%09/evil.example keeps a signed-in browser on this site", async ({ page, baseURL }) => {
    await loginAs(page.context());
    await page.goto("/login?next=/%09/evil.example");
    await page.waitForLoadState("domcontentloaded");
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });

  test("?next= with a newline, a backslash or twice is not a 500 and stays on this site", async ({ page, baseURL }) => {
    await loginAs(page.context());
    for (const next of ["/%0a/x", "/%5cevil.example", "/orders&next=//evil.example", "/%0d%0aSet-Cookie:%20x=1"]) {
      const res = await page.goto(`/login?next=${next}`);
      expect(res!.status(), next).toBeLessThan(500);
      expect(new URL(page.url()).origin, next).toBe(new URL(baseURL!).origin);
    }
  });
});
