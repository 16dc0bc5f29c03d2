import { randomBytes } from "node:crypto";
import type { SealKind } from "@/lib/generated/prisma/enums";
import { sniffContent } from "@/lib/server/materials/sniff-content";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { processSealImage } from "./process-seal-image";
import { sealLook } from "./seal-rules";

export type StoredSealPicture = {
  imageKey: string;
  imageMime: string;
  processedKey: string;
  widthPx: number;
  heightPx: number;
  widthMm: number;
  heightMm: number;
};

/**
 * Processes an uploaded (or drawn, or generated) picture for a seal of `kind` and stores the original
 * and the processed PNG under fresh keys (a new picture never overwrites the one a reviewer looked at).
 * Refusals (not an image, empty, blurry) throw before anything is stored.
 */
export async function storeSealPicture({ kind, bytes }: { kind: SealKind; bytes: Uint8Array }): Promise<StoredSealPicture> {
  const look = sealLook(kind);
  const processed = await processSealImage({ bytes, ink: look.ink, shape: look.shape });
  const type = sniffContent(bytes)!;
  const folder = `seals/${new Date().toISOString().slice(0, 7)}/${randomBytes(12).toString("hex")}`;
  const storage = getFileStorage();
  await storage.put(`${folder}/original.${type.ext}`, bytes, type.mime);
  await storage.put(`${folder}/processed.png`, processed.png, "image/png");
  // A signature's printed height follows its drawn proportions inside the 40 × 20 mm frame.
  const heightMm = look.shape === "wide" ? Math.max(5, Math.round((look.widthMm * processed.heightPx) / processed.widthPx)) : look.heightMm;
  return {
    imageKey: `${folder}/original.${type.ext}`,
    imageMime: type.mime,
    processedKey: `${folder}/processed.png`,
    widthPx: processed.widthPx,
    heightPx: processed.heightPx,
    widthMm: look.widthMm,
    heightMm,
  };
}
