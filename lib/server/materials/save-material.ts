import { createHash } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { MaterialKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { consumeRateLimit } from "@/lib/server/security/rate-limit";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { assertSafePdf } from "./assert-safe-pdf";
import { materialStorageKey } from "./material-storage-key";
import { reencodeImage } from "./reencode-image";
import { transitionOrder } from "@/lib/server/orders/transition-order";
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
 * comes from the content, not the name. Images are decoded under limits and stored re-encoded
 * (what is kept, hashed and shown is what this server wrote); PDFs are stored as sent, once they
 * are shown to hold no script, actions or embedded files. A newer upload of the same kind
 * replaces the older one; the old file stays in storage, marked replacedAt, for the audit trail.
 */
export async function saveMaterial({ userId, orderId, kind, file }: { userId: string; orderId: string; kind: string; file: { name: string; bytes: Uint8Array } }): Promise<MaterialView> {
  const parsedKind = ZMaterialKind.parse(kind);
  const order = await db.order.findFirst({ where: { id: orderId, userId }, select: { id: true, status: true, kind: true } });
  if (!order) throw new AppError("not_found");
  if (order.status !== "DRAFT") throw new AppError("conflict", { userMessage: "materials.errors.orderNotDraft" });
  // A REISSUE order waits (DRAFT) only for its stamped 补办申请表, which belongs to no other order.
  const isReissueForm = order.kind === "REISSUE";
  if (isReissueForm !== (parsedKind === "REISSUE_FORM")) throw new AppError("validation_failed", { fields: { kind: ["materials.errors.kindInvalid"] } });
  if (file.bytes.length === 0) throw new AppError("validation_failed", { fields: { file: ["materials.errors.empty"] } });
  if (file.bytes.length > MATERIAL_MAX_BYTES) throw new AppError("validation_failed", { userMessage: "materials.errors.tooLarge", fields: { file: ["materials.errors.tooLarge"] } });
  const type = sniffContent(file.bytes);
  if (!type) throw new AppError("validation_failed", { userMessage: "materials.errors.badType", fields: { file: ["materials.errors.badType"] } });
  // Before the decoding and parsing below, which cost far more than reading the upload.
  await consumeRateLimit(db, `materials:user:${userId}`, [{ seconds: 3600, max: 120 }]);

  const isPdf = type.mime === "application/pdf";
  if (isPdf) await assertSafePdf(file.bytes);
  const stored = type.mime === "application/pdf" ? file.bytes : (await reencodeImage({ bytes: file.bytes, mime: type.mime })).bytes;
  const receivedSha256 = createHash("sha256").update(file.bytes).digest("hex");
  const sha256 = createHash("sha256").update(stored).digest("hex");
  const storageKey = materialStorageKey({ orderId: order.id, kind: parsedKind, ext: type.ext, reencoded: !isPdf });
  await getFileStorage().put(storageKey, stored, type.mime);

  const material = await db.$transaction(async (tx) => {
    // Serialise uploads per order so two racing uploads of one kind leave exactly one current file.
    await tx.$queryRaw`SELECT id FROM "Order" WHERE id = ${order.id} FOR UPDATE`;
    const replaced = await tx.material.updateMany({ where: { orderId: order.id, kind: parsedKind, replacedAt: null }, data: { replacedAt: new Date() } });
    const created = await tx.material.create({
      data: { orderId: order.id, kind: parsedKind, storageKey, mime: type.mime, size: stored.length, sha256, originalName: cleanName(file.name, type.ext) },
    });
    await writeAudit(tx, {
      actorId: userId,
      action: "material.uploaded",
      targetType: "Order",
      targetId: order.id,
      data: { materialId: created.id, kind: parsedKind, sha256, size: created.size, receivedSha256, receivedSize: file.bytes.length, replaced: replaced.count },
    });
    // The form was what the reissue waited for: now it goes to the review queue. Of racing uploads
    // one moves it; the others find it IN_REVIEW (conflict) and roll back.
    if (isReissueForm) await transitionOrder(tx, { orderId: order.id, to: "IN_REVIEW", actorId: userId, type: "submitted", data: { submittedAt: new Date(), step: "reissue" } });
    return created;
  });
  return toMaterialView(material);
}
