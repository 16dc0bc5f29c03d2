import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/server/db/client";
import { saveMaterial } from "@/lib/server/materials/save-material";
import { listMaterials } from "@/lib/server/materials/list-materials";
import { readMaterial } from "@/lib/server/materials/read-material";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { createUser } from "../support/factories";
import { createTestOrder } from "../support/provider-fixtures";

async function errorOf(p: Promise<unknown>) {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const png = async (text: string) => new Uint8Array(await QRCode.toBuffer(text));

describe("materials", () => {
  it("stores an upload under the order with its hash and content type", async () => {
    const { order, user } = await createTestOrder();
    const bytes = await png("licence");
    const m = await saveMaterial({ userId: user.id, orderId: order.id, kind: "BUSINESS_LICENSE", file: { name: "营业执照.png", bytes } });
    expect(m).toMatchObject({ kind: "BUSINESS_LICENSE", mime: "image/png", size: bytes.length, originalName: "营业执照.png", sha256: createHash("sha256").update(bytes).digest("hex") });
    const row = await db.material.findUniqueOrThrow({ where: { id: m.id } });
    expect(row.storageKey.startsWith(`orders/${order.id}/`)).toBe(true);
    expect(await getFileStorage().get(row.storageKey)).toEqual(bytes);
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
    const current = await listMaterials({ userId: user.id, orderId: order.id });
    expect(current.map((m) => m.originalName).sort()).toEqual(["b.png", "c.png"]);
    const old = await db.material.findUniqueOrThrow({ where: { id: first.id } });
    expect(old.replacedAt).toBeInstanceOf(Date);
    expect(await getFileStorage().get(old.storageKey)).toBeTruthy();
    expect((await readMaterial({ userId: user.id, materialId: second.id })).mime).toBe("image/png");
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
    expect((await errorOf(readMaterial({ userId: stranger.id, materialId: m.id }))).code).toBe("not_found");
    expect((await errorOf(listMaterials({ userId: stranger.id, orderId: order.id }))).code).toBe("not_found");
    const reviewer = await createUser({ role: "CA_REVIEWER" });
    expect((await readMaterial({ userId: reviewer.id, materialId: m.id })).bytes.length).toBe(m.size);
  });
});
