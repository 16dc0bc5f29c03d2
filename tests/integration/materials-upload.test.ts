import "../support/next-runtime";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import QRCode from "qrcode";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { GET as getMaterialRoute } from "@/app/api/materials/[materialId]/route";
import { GET as listRoute, POST as uploadRoute } from "@/app/api/orders/[id]/materials/route";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { saveMaterial, MATERIAL_MAX_BYTES } from "@/lib/server/materials/save-material";
import { MATERIAL_FORM_OVERHEAD } from "@/lib/server/materials/save-material-upload";
import { listMaterials } from "@/lib/server/materials/list-materials";
import { readMaterial } from "@/lib/server/materials/read-material";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { createUser } from "../support/factories";
import { createTestOrder } from "../support/provider-fixtures";
import { callRoute, sessionCookie } from "../support/route-request";
import { openActionJsPdf, plainPdf } from "../unit/materials/pdf-helpers";

async function errorOf(p: Promise<unknown>) {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const png = async (text: string) => new Uint8Array(await QRCode.toBuffer(text));
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const photo = new Uint8Array(readFileSync(path.join(import.meta.dirname, "../fixtures/sample-photo.jpg")));
const reader = (u: { id: string; role: string }) => ({ id: u.id, role: u.role as "APPLICANT" });

const BASE = "http://localhost:3000";
const MAX_BODY = MATERIAL_MAX_BYTES + MATERIAL_FORM_OVERHEAD;

function uploadRequest(orderId: string, cookie: string, kind: string, file: { name: string; type: string; bytes: Uint8Array }) {
  const form = new FormData();
  form.set("kind", kind);
  form.set("file", new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type }));
  return new Request(`${BASE}/api/orders/${orderId}/materials`, { method: "POST", body: form, headers: { cookie } });
}

async function upload(orderId: string, cookie: string, kind: string, file: { name: string; type: string; bytes: Uint8Array }) {
  return callRoute(uploadRoute, uploadRequest(orderId, cookie, kind, file), { id: orderId });
}

async function fetchMaterial(materialId: string, cookie: string) {
  return callRoute(getMaterialRoute, new Request(`${BASE}/api/materials/${materialId}`, { headers: { cookie } }), { materialId });
}

/**
 * A multipart upload that never ends (200 MB of 64 KiB chunks, each freshly allocated and written,
 * so a server that buffered it would hold every byte) and sends no Content-Length: what
 * `curl -T - -H 'Transfer-Encoding: chunked'` sends. Counts how much of it was pulled.
 */
function endlessUpload(orderId: string, cookie: string, total = 200 * 1024 * 1024) {
  const CHUNK = 64 * 1024;
  const stats = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stats.pulled >= total) return controller.close();
      const chunk = new Uint8Array(CHUNK).fill(0x61);
      stats.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      stats.cancelled = true;
    },
  });
  const req = new Request(`${BASE}/api/orders/${orderId}/materials`, {
    method: "POST",
    body,
    duplex: "half",
    headers: { cookie, "content-type": "multipart/form-data; boundary=----certdesk" },
  } as RequestInit);
  expect(req.headers.get("content-length")).toBeNull();
  return { req, stats, CHUNK };
}

/** The highest rss / arrayBuffers seen while `run` runs, above what they were before. */
async function peakGrowth<T>(run: () => Promise<T>): Promise<{ result: T; rss: number; arrayBuffers: number }> {
  const before = process.memoryUsage();
  let rss = 0;
  let arrayBuffers = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss - before.rss);
    arrayBuffers = Math.max(arrayBuffers, m.arrayBuffers - before.arrayBuffers);
  };
  const timer = setInterval(sample, 2);
  try {
    const result = await run();
    sample();
    return { result, rss, arrayBuffers };
  } finally {
    clearInterval(timer);
  }
}

describe("materials", () => {
  it("stores an upload under the order, re-encoded, with the hash of what is stored", async () => {
    const { order, user } = await createTestOrder();
    const bytes = await png("licence");
    const m = await saveMaterial({ userId: user.id, orderId: order.id, kind: "BUSINESS_LICENSE", file: { name: "营业执照.png", bytes } });
    const row = await db.material.findUniqueOrThrow({ where: { id: m.id } });
    const stored = await getFileStorage().get(row.storageKey);
    expect(m).toMatchObject({ kind: "BUSINESS_LICENSE", mime: "image/png", size: stored.length, originalName: "营业执照.png", sha256: sha256(stored) });
    expect(row.storageKey.startsWith(`orders/${order.id}/`)).toBe(true);
    expect(stored).not.toEqual(bytes); // written by this server, not the uploader
    expect(await sharp(stored).metadata()).toMatchObject({ format: "png", width: (await sharp(bytes).metadata()).width });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "material.uploaded", targetId: order.id } });
    expect(audit.data).toMatchObject({ sha256: sha256(stored), receivedSha256: sha256(bytes), receivedSize: bytes.length });
  });

  it("refuses a renamed executable with a clear message, storing nothing", async () => {
    const { order, user } = await createTestOrder();
    const err = await errorOf(saveMaterial({ userId: user.id, orderId: order.id, kind: "ID_FRONT", file: { name: "id.jpg", bytes: new Uint8Array(readFileSync("/bin/true")) } }));
    expect(err.code).toBe("validation_failed");
    expect(err.fields).toEqual({ file: ["materials.errors.badType"] });
    expect(await db.material.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("refuses files over 10 MB", async () => {
    const { order, user } = await createTestOrder();
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    const err = await errorOf(saveMaterial({ userId: user.id, orderId: order.id, kind: "OTHER", file: { name: "big.pdf", bytes: big } }));
    expect(err.fields).toEqual({ file: ["materials.errors.tooLarge"] });
  });

  it("replaces the previous file of the same kind but keeps it for the audit trail", async () => {
    const { order, user } = await createTestOrder();
    const first = await saveMaterial({ userId: user.id, orderId: order.id, kind: "ID_FRONT", file: { name: "a.png", bytes: await png("a") } });
    const second = await saveMaterial({ userId: user.id, orderId: order.id, kind: "ID_FRONT", file: { name: "b.png", bytes: await png("b") } });
    await saveMaterial({ userId: user.id, orderId: order.id, kind: "ID_BACK", file: { name: "c.png", bytes: await png("c") } });
    const current = await listMaterials({ user: reader(user), orderId: order.id });
    expect(current.map((m) => m.originalName).sort()).toEqual(["b.png", "c.png"]);
    const old = await db.material.findUniqueOrThrow({ where: { id: first.id } });
    expect(old.replacedAt).toBeInstanceOf(Date);
    expect(await getFileStorage().get(old.storageKey)).toBeTruthy();
    expect((await readMaterial({ user: reader(user), materialId: second.id })).mime).toBe("image/png");
  });

  it("only accepts uploads to the caller's own draft order", async () => {
    const { order } = await createTestOrder();
    const stranger = await createUser();
    expect((await errorOf(saveMaterial({ userId: stranger.id, orderId: order.id, kind: "OTHER", file: { name: "x.png", bytes: await png("x") } }))).code).toBe("not_found");
    const submitted = await createTestOrder({ status: "IN_REVIEW" });
    expect((await errorOf(saveMaterial({ userId: submitted.user.id, orderId: submitted.order.id, kind: "OTHER", file: { name: "x.png", bytes: await png("x") } }))).code).toBe("conflict");
  });

  it("shows a material to its owner and to reviewers, nobody else", async () => {
    const { order, user } = await createTestOrder();
    const m = await saveMaterial({ userId: user.id, orderId: order.id, kind: "OTHER", file: { name: "x.png", bytes: await png("x") } });
    const stranger = await createUser();
    expect((await errorOf(readMaterial({ user: reader(stranger), materialId: m.id }))).code).toBe("not_found");
    expect((await errorOf(listMaterials({ user: reader(stranger), orderId: order.id }))).code).toBe("not_found");
    const reviewer = await createUser({ role: "CA_REVIEWER" });
    expect((await readMaterial({ user: { id: reviewer.id, role: "CA_REVIEWER" }, materialId: m.id })).bytes.length).toBe(m.size);
  });
});

describe("materials routes", () => {
  it("uploads a photo through the route: 201, stored re-encoded, served inline as an image with nosniff and a CSP", async () => {
    const { order, user } = await createTestOrder();
    const cookie = await sessionCookie(user.id);
    const res = await upload(order.id, cookie, "HANDLER_ID_FRONT", { name: "身份证.jpg", type: "image/jpeg", bytes: photo });
    expect(res.status, await res.clone().text()).toBe(201);
    const m = (await res.json()) as { id: string; sha256: string; mime: string };
    expect(m.mime).toBe("image/jpeg");

    const list = await callRoute(listRoute, new Request(`${BASE}/api/orders/${order.id}/materials`, { headers: { cookie } }), { id: order.id });
    expect(((await list.json()) as { materials: Array<{ id: string }> }).materials.map((x) => x.id)).toEqual([m.id]);

    const got = await fetchMaterial(m.id, cookie);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("image/jpeg");
    expect(got.headers.get("content-disposition")).toBe(`inline; filename="___.jpg"; filename*=UTF-8''${encodeURIComponent("身份证")}.jpg`);
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    expect(got.headers.get("content-security-policy")).toMatch(/^default-src 'none'; img-src 'self';.*sandbox/);
    expect(got.headers.get("cache-control")).toBe("private, no-store");
    const served = new Uint8Array(await got.arrayBuffer());
    expect(sha256(served)).toBe(m.sha256);
    expect(served).not.toEqual(photo);
    const meta = await sharp(served).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 96, height: 60 });
    expect(meta.icc).toBeUndefined(); // the uploaded photo carried an ICC profile segment
  });

  it("serves a PDF as a sandboxed download, never inline", async () => {
    const { order, user } = await createTestOrder();
    const cookie = await sessionCookie(user.id);
    const pdf = await plainPdf();
    const res = await upload(order.id, cookie, "AUTHORIZATION_LETTER", { name: "授权书.pdf", type: "application/pdf", bytes: pdf });
    expect(res.status, await res.clone().text()).toBe(201);
    const m = (await res.json()) as { id: string; sha256: string };
    expect(m.sha256).toBe(sha256(pdf)); // stored as sent, once checked
    const got = await fetchMaterial(m.id, cookie);
    expect(got.headers.get("content-type")).toBe("application/pdf");
    expect(got.headers.get("content-disposition")).toMatch(/^attachment; filename="___\.pdf"; filename\*=UTF-8''/);
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    expect(got.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(pdf);
  });

  it("serves images stored before re-encoding as downloads", async () => {
    const { order, user } = await createTestOrder();
    const m = await saveMaterial({ userId: user.id, orderId: order.id, kind: "OTHER", file: { name: "old.png", bytes: await png("old") } });
    const legacyKey = `orders/${order.id}/other-legacy.png`;
    await getFileStorage().put(legacyKey, await png("old"), "image/png");
    await db.material.update({ where: { id: m.id }, data: { storageKey: legacyKey } });
    const got = await fetchMaterial(m.id, await sessionCookie(user.id));
    expect(got.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(got.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
  });

  it("shows other applicants' materials to reviewers only after their second factor", async () => {
    const { order, user } = await createTestOrder();
    const m = await saveMaterial({ userId: user.id, orderId: order.id, kind: "OTHER", file: { name: "x.png", bytes: await png("x") } });
    const reviewer = await createUser({ role: "CA_REVIEWER" });
    expect((await fetchMaterial(m.id, await sessionCookie(reviewer.id))).status).toBe(404);
    expect((await fetchMaterial(m.id, await sessionCookie(reviewer.id, { secondFactor: true }))).status).toBe(200);
    expect((await fetchMaterial(m.id, await sessionCookie((await createUser()).id))).status).toBe(404);
    expect((await fetchMaterial(m.id, "")).status).toBe(401);
  });

  it("refuses a PDF that runs JavaScript when opened, with a message the applicant can act on", async () => {
    const { order, user } = await createTestOrder();
    const cookie = await sessionCookie(user.id);
    for (const bytes of [await openActionJsPdf(), await openActionJsPdf({ objectStreams: true })]) {
      const res = await upload(order.id, cookie, "AUTHORIZATION_LETTER", { name: "letter.pdf", type: "application/pdf", bytes });
      expect(res.status).toBe(422);
      const body = (await res.json()) as { error: { code: string; message: string; fields: { file: string[] } } };
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.fields.file).toEqual(["PDF 含有脚本或自动操作，请另存为普通 PDF 后上传"]);
    }
    expect(await db.material.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("refuses an image whose header claims 20000×20000 pixels, naming the size", async () => {
    const { order, user } = await createTestOrder();
    const ihdr = Buffer.from(await QRCode.toBuffer("x"));
    ihdr.writeUInt32BE(20_000, 16);
    ihdr.writeUInt32BE(20_000, 20);
    const res = await upload(order.id, await sessionCookie(user.id), "OTHER", { name: "bomb.png", type: "image/png", bytes: new Uint8Array(ihdr) });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { fields: { file: string[] } } };
    expect(body.error.fields.file[0]).toContain("20000×20000");
  });

  it("cuts off a 200 MB chunked upload without Content-Length at the cap, without buffering it", async () => {
    const { order, user } = await createTestOrder();
    const cookie = await sessionCookie(user.id);
    const { req, stats, CHUNK } = endlessUpload(order.id, cookie);
    const { result: res, rss, arrayBuffers } = await peakGrowth(() => callRoute(uploadRoute, req, { id: order.id }));
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { code: string; message: string; fields?: Record<string, string[]> } };
    expect(body.error.code).toBe("payload_too_large");
    // The uploader's own message next to the file field, not a generic one.
    expect(body.error.fields?.file).toEqual(["文件超过 10 MB，请压缩后再上传"]);
    // Read up to the cap plus the chunk that crossed it (and one the stream had queued), then stopped.
    expect(stats.pulled).toBeGreaterThan(MAX_BODY);
    expect(stats.pulled).toBeLessThanOrEqual(MAX_BODY + 2 * CHUNK);
    expect(stats.cancelled).toBe(true);
    expect(arrayBuffers).toBeLessThan(50 * 1024 * 1024);
    expect(rss).toBeLessThan(50 * 1024 * 1024);
    expect(await db.material.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("cuts off four such uploads at once, each at the cap", async () => {
    const { order, user } = await createTestOrder();
    const cookie = await sessionCookie(user.id);
    const uploads = Array.from({ length: 4 }, () => endlessUpload(order.id, cookie));
    const { result, arrayBuffers } = await peakGrowth(() => Promise.all(uploads.map((u) => callRoute(uploadRoute, u.req, { id: order.id }))));
    expect(result.map((r) => r.status)).toEqual([413, 413, 413, 413]);
    for (const u of uploads) expect(u.stats.pulled).toBeLessThanOrEqual(MAX_BODY + 2 * u.CHUNK);
    // Four capped bodies at most, far from 4 × 200 MB.
    expect(arrayBuffers).toBeLessThan(4 * MAX_BODY + 50 * 1024 * 1024);
  });

  it("refuses an anonymous upload before reading its body", async () => {
    const { order } = await createTestOrder();
    const { req, stats } = endlessUpload(order.id, "");
    const res = await callRoute(uploadRoute, req, { id: order.id });
    expect(res.status).toBe(401);
    expect(stats.pulled).toBeLessThanOrEqual(2 * 64 * 1024);
  });
});
