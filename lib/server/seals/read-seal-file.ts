import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { hasPermission } from "@/lib/server/auth/permissions";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { sealForCaller } from "./seal-access";

/**
 * The original or processed picture of a seal for the desk (its maker, the enterprise's members) or the
 * console (seals.review). Only the picture: the signed structure goes out through downloadSeal (PIN).
 */
export async function readSealFile({ user, sealId, which }: { user: SessionUser; sealId: string; which: "original" | "processed" }) {
  const seal = hasPermission(user.role, "seals.review")
    ? await db.seal.findUnique({ where: { id: sealId } })
    : await sealForCaller(db, { userId: user.id, sealId, orgPermission: "org.view" });
  if (!seal) throw new AppError("not_found");
  const key = which === "original" ? seal.imageKey : seal.processedKey;
  if (!key) throw new AppError("not_found");
  const bytes = await getFileStorage().get(key);
  return { bytes, mime: which === "original" ? (seal.imageMime ?? "application/octet-stream") : "image/png" };
}
