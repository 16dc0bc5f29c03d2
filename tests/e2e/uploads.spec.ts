import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, test, type BrowserContext } from "@playwright/test";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import { DEMO, loginAs, loginWithPassword } from "./fixtures/auth";
import { settle } from "./wizard-helpers";

// Uploads against the built desk (`next start`): what reaches the reviewer, how stored files are
// served, and a chunked upload with no Content-Length that never ends.

test.setTimeout(180_000);

const PHOTO = readFileSync(path.join(import.meta.dirname, "../fixtures/sample-photo.jpg"));

async function pdf({ script = false } = {}) {
  const doc = await PDFDocument.create();
  doc.addPage([400, 300]).drawText("Authorization letter", { x: 40, y: 150, size: 24 });
  if (script) doc.catalog.set(PDFName.of("OpenAction"), doc.context.obj({ S: "JavaScript", JS: PDFString.of("app.alert('pwned')") }));
  return Buffer.from(await doc.save());
}

/** A draft unit order of a fresh applicant (the wizard's first step), ready for uploads. */
async function draftOrder(context: BrowserContext): Promise<string> {
  await loginAs(context);
  const page = await context.newPage();
  await page.goto("/apply/unit");
  await settle(page);
  await page.getByTestId("start").click();
  await settle(page, /\/apply\/unit\/[^/]+\/method$/);
  const orderId = page.url().split("/")[5]!;
  await page.close();
  return orderId;
}

const upload = (context: BrowserContext, orderId: string, kind: string, file: { name: string; mimeType: string; buffer: Buffer }) =>
  context.request.post(`/api/orders/${orderId}/materials`, { multipart: { kind, file } });

test("a photo and a PDF reach the review console: the photo inline, the PDF as a download; a scripted PDF is refused", async ({ browser, baseURL }) => {
  const desk = await browser.newContext();
  const orderId = await draftOrder(desk);

  const photo = await upload(desk, orderId, "BUSINESS_LICENSE", { name: "营业执照.jpg", mimeType: "image/jpeg", buffer: PHOTO });
  expect(photo.status(), await photo.text()).toBe(201);
  const letter = await upload(desk, orderId, "AUTHORIZATION_LETTER", { name: "授权书.pdf", mimeType: "application/pdf", buffer: await pdf() });
  expect(letter.status(), await letter.text()).toBe(201);
  const scripted = await upload(desk, orderId, "OTHER", { name: "other.pdf", mimeType: "application/pdf", buffer: await pdf({ script: true }) });
  expect(scripted.status()).toBe(422);
  expect(((await scripted.json()) as { error: { fields: { file: string[] } } }).error.fields.file).toEqual(["PDF 含有脚本或自动操作，请另存为普通 PDF 后上传"]);

  const image = await desk.request.get(`/api/materials/${((await photo.json()) as { id: string }).id}`);
  expect(image.headers()["content-disposition"]).toMatch(/^inline;/);
  expect(image.headers()["x-content-type-options"]).toBe("nosniff");
  expect(image.headers()["content-security-policy"]).toMatch(/^default-src 'none'; img-src 'self'/);
  const letterId = ((await letter.json()) as { id: string }).id;
  const file = await desk.request.get(`/api/materials/${letterId}`);
  expect(file.headers()["content-type"]).toBe("application/pdf");
  expect(file.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");
  expect(file.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");

  // The reviewer's page: the photo is drawn, the PDF is offered as a download of the same bytes.
  const reviewer = await browser.newContext({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
  await loginWithPassword(reviewer, DEMO.reviewer);
  const page = await reviewer.newPage();
  await page.goto(`${baseURL}/console/reviews/${orderId}`);
  await settle(page);
  const img = page.getByTestId("material-BUSINESS_LICENSE").locator("img");
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(96);
  const card = page.getByTestId("material-AUTHORIZATION_LETTER");
  await expect(card.getByTestId("material-pdf")).toContainText("PDF 文件");
  await expect(card.locator("object, iframe, embed")).toHaveCount(0);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath("review-materials.png"), fullPage: true });
  const [download] = await Promise.all([page.waitForEvent("download"), card.getByRole("link", { name: /下载 PDF/ }).click()]);
  expect(download.suggestedFilename()).toBe("授权书.pdf");
  expect(readFileSync((await download.path())!)).toEqual(await file.body());
  await reviewer.close();
  await desk.close();
});

test("a 200 MB chunked upload without Content-Length is answered 413 after the cap, long before it is sent", async ({ browser, baseURL }) => {
  const desk = await browser.newContext();
  const orderId = await draftOrder(desk);
  const cookie = (await desk.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const url = new URL(`/api/orders/${orderId}/materials`, baseURL);
  const TOTAL = 200 * 1024 * 1024;
  const chunk = Buffer.alloc(64 * 1024, 0x61);

  const { status, body, sent } = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(url, { method: "POST", headers: { cookie, "content-type": "multipart/form-data; boundary=----certdesk", "transfer-encoding": "chunked" } });
    req.on("response", (res) => {
      answered = true;
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (text += d));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body: text, sent });
        req.destroy();
      });
    });
    req.on("error", (err) => (answered ? undefined : reject(err)));
    const pump = () => {
      while (!answered && sent < TOTAL) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
  expect(status, body).toBe(413);
  expect((JSON.parse(body) as { error: { code: string } }).error.code).toBe("payload_too_large");
  // The server stopped reading at 10 MB + 64 KiB; what was sent beyond sat in socket buffers.
  expect(sent).toBeLessThan(64 * 1024 * 1024);
  await desk.close();
});
