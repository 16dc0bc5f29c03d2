import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { MaterialKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { consumeRateLimit } from "@/lib/server/security/rate-limit";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { sniffContent } from "./sniff-content";

export const MATERIAL_MAX_BYTES = 10 * 1024 * 1024;

export const ZMaterialKind = z.enum(Object.values(MaterialKind) as [MaterialKind, ...MaterialKind[]], { error: "materials.errors.kindInvalid" });

export type MaterialView = { id: string; kind: MaterialKind; mime: string; size: number; sha256: string; originalName: string; createdAt: string; url: string };

export function toMaterialView(m: { id: string; kind: MaterialKind; mime: string; size: number; sha256: string; originalName: string; createdAt: Date }): MaterialView {
  return { id: m.id, kind: m.kind, mime: m.mime, size: m.size, sha256: m.sha256, originalName: m.originalName, createdAt: m.createdAt.toISOString(), url: `/api/materials/${m.id}` };
}

// Names are shown to reviewers and put in headers: keep printable characters, cap the length.
function cleanName(name: string, ext: string): string {
  const base = name.replace(/[\u0000-\u001f\u007f"\\/<>:|?*]+/g, "_").trim().slice(0, 120);
  return base || `upload.${ext}`;
}

/**
 * Stores one document for a draft order (licence, ID card sides, authorization letter...). The type
 * comes from the content, not the name. A newer upload of the same kind replaces the older one;
 * the old file stays in storage, marked replacedAt, for the audit trail.
 */
export async function saveMaterial({ userId, orderId, kind, file }: { userId: string; orderId: string; kind: string; file: { name: string; bytes: Uint8Array } }): Promise<MaterialView> {
  const parsedKind = ZMaterialKind.parse(kind);
  const order = await db.order.findFirst({ where: { id: orderId, userId }, select: { id: true, status: true } });
  if (!order) throw new AppError("not_found");
  if (order.status !== "DRAFT") throw new AppError("conflict", { userMessage: "materials.errors.orderNotDraft" });
  if (file.bytes.length === 0) throw new AppError("validation_failed", { fields: { file: ["materials.errors.empty"] } });
  if (file.bytes.length > MATERIAL_MAX_BYTES) throw new AppError("validation_failed", { userMessage: "materials.errors.tooLarge", fields: { file: ["materials.errors.tooLarge"] } });
  const type = sniffContent(file.bytes);
  if (!type) throw new AppError("validation_failed", { userMessage: "materials.errors.badType", fields: { file: ["materials.errors.badType"] } });
  await consumeRateLimit(db, `materials:user:${userId}`, [{ seconds: 3600, max: 120 }]);

  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  const storageKey = `orders/${order.id}/${parsedKind.toLowerCase()}-${Date.now().toString(36)}-${randomBytes(6).toString("hex")}.${type.ext}`;
  await getFileStorage().put(storageKey, file.bytes, type.mime);

  const material = await db.$transaction(async (tx) => {
    // Serialise uploads per order so two racing uploads of one kind leave exactly one current file.
    await tx.$queryRaw`SELECT id FROM "Order" WHERE id = ${order.id} FOR UPDATE`;
    const replaced = await tx.material.updateMany({ where: { orderId: order.id, kind: parsedKind, replacedAt: null }, data: { replacedAt: new Date() } });
    const created = await tx.material.create({
      data: { orderId: order.id, kind: parsedKind, storageKey, mime: type.mime, size: file.bytes.length, sha256, originalName: cleanName(file.name, type.ext) },
    });
    await writeAudit(tx, {
      actorId: userId,
      action: "material.uploaded",
      targetType: "Order",
      targetId: order.id,
      data: { materialId: created.id, kind: parsedKind, sha256, size: created.size, replaced: replaced.count },
    });
    return created;
  });
  return toMaterialView(material);
}
