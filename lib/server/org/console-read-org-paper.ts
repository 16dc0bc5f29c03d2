import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { assertPermission } from "@/lib/server/auth/permissions";
import { db } from "@/lib/db/client";
import { getFileStorage } from "@/lib/storage/get-file-storage";

// The only types served as themselves; anything else is bytes to download.
const IMAGE_TYPES: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png" };

export type OrgPaper = { bytes: Uint8Array; mime: string; fileName: string; sha256: string | null; inline: boolean };

/**
 * The stamped administrator transfer form of a request (orgs.review), from FileStorage. The type sent
 * is one of a fixed few (JPEG or PNG shown inline as an image, PDF as a download, anything else as
 * application/octet-stream), never the stored string as it is.
 */
export async function consoleReadOrgPaper({ user, requestId }: { user: { role: Role }; requestId: string }): Promise<OrgPaper> {
  assertPermission(user, "orgs.review");
  const r = await db.orgRequest.findFirst({ where: { id: requestId, kind: "TRANSFER_ADMIN" }, select: { id: true, paperKey: true, paperMime: true, paperSha256: true } });
  if (!r?.paperKey) throw new AppError("not_found");
  const bytes = await getFileStorage().get(r.paperKey);
  const stored = (r.paperMime ?? "").toLowerCase();
  const ext = IMAGE_TYPES[stored] ?? (stored === "application/pdf" ? "pdf" : "bin");
  const mime = ext === "bin" ? "application/octet-stream" : stored;
  return { bytes, mime, fileName: `transfer-form-${r.id}.${ext}`, sha256: r.paperSha256, inline: ext === "jpg" || ext === "png" };
}
