import { AppError } from "@/lib/errors";
import { db } from "@/lib/server/db/client";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { visibleOrderWhere } from "./material-access";

/** The stored bytes of a material for a preview: the order's owner, or staff with orders.viewAll. */
export async function readMaterial({ userId, materialId }: { userId: string; materialId: string }) {
  const material = await db.material.findFirst({ where: { id: materialId, order: await visibleOrderWhere(userId) } });
  if (!material) throw new AppError("not_found");
  const bytes = await getFileStorage().get(material.storageKey);
  return { bytes, mime: material.mime, name: material.originalName, sha256: material.sha256 };
}
