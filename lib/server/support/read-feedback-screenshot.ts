import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { hasPermission } from "@/lib/server/auth/permissions";
import { getFileStorage } from "@/lib/storage/get-file-storage";

/**
 * A feedback's screenshot for its author, or for staff who answer feedback (`asStaff`); NOT_FOUND for
 * anyone else. The bytes are the server's re-encoding, so the image opens inline.
 */
export async function readFeedbackScreenshot({ viewer, feedbackId, asStaff = false }: { viewer: { id: string; role: Role }; feedbackId: string; asStaff?: boolean }) {
  const mayRead = asStaff && hasPermission(viewer.role, "feedback.answer");
  const f = await db.feedback.findFirst({ where: { id: feedbackId, ...(mayRead ? {} : { userId: viewer.id }) }, select: { id: true, screenshotKey: true, screenshotMime: true } });
  if (!f?.screenshotKey || !f.screenshotMime) throw new AppError("not_found");
  const bytes = await getFileStorage().get(f.screenshotKey);
  return { bytes, mime: f.screenshotMime, name: `feedback-${f.id}.${f.screenshotMime === "image/png" ? "png" : "jpg"}`, sha256: f.id, inline: true };
}
