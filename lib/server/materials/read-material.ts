import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { visibleOrderWhere, type MaterialReader } from "./material-access";
import { isReencodedImageKey } from "./material-storage-key";

export type StoredMaterial = { bytes: Uint8Array; mime: string; name: string; sha256: string; inline: boolean };

/**
 * The stored bytes of a material: the order's owner, or staff with orders.viewAll. `inline` is
 * true only for images re-encoded at upload.
 */
export async function readMaterial({ user, materialId }: { user: MaterialReader; materialId: string }): Promise<StoredMaterial> {
  const material = await db.material.findFirst({ where: { id: materialId, order: visibleOrderWhere(user) } });
  if (!material) throw new AppError("not_found");
  const bytes = await getFileStorage().get(material.storageKey);
  const inline = material.mime.startsWith("image/") && isReencodedImageKey(material.storageKey);
  return { bytes, mime: material.mime, name: material.originalName, sha256: material.sha256, inline };
}
