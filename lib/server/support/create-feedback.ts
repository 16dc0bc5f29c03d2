import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { reencodeImage } from "@/lib/server/materials/reencode-image";
import { sniffContent } from "@/lib/server/materials/sniff-content";
import { consumeRateLimit } from "@/lib/server/security/rate-limit";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { MAX_FEEDBACK_SCREENSHOT_BYTES, ZFeedbackSchema } from "./feedback.types";

// Feedback is for people, not scripts: a few a day per account (the hit is taken before any work).
export const FEEDBACK_LIMITS = [{ seconds: 86_400, max: 5 }];

const refuse = (message: string): never => {
  throw new AppError("validation_failed", { userMessage: message, fields: { file: [message] } });
};

/**
 * 我的反馈: a user's question or report with an optional screenshot. The screenshot is judged by its
 * content (JPEG or PNG by structure, whatever its name or type says) and re-encoded, so what a
 * console reader's browser opens is pixels this server wrote (no EXIF position, no trailing bytes).
 */
export async function createFeedback({ userId, fields, file }: { userId: string; fields: unknown; file: Uint8Array | null }) {
  const { topic, body } = ZFeedbackSchema.parse(fields);
  if (file && file.byteLength > MAX_FEEDBACK_SCREENSHOT_BYTES) refuse("me.feedback.errors.screenshotTooLarge");
  const type = file ? sniffContent(file) : null;
  if (file && (!type || type.mime === "application/pdf")) refuse("me.feedback.errors.screenshotType");
  await consumeRateLimit(db, `feedback:user:${userId}`, FEEDBACK_LIMITS);

  let screenshot: { key: string; mime: string } | null = null;
  if (file && type && type.mime !== "application/pdf") {
    const clean = await reencodeImage({ bytes: file, mime: type.mime });
    const key = `feedback/${new Date().toISOString().slice(0, 7)}/${randomBytes(12).toString("hex")}.${type.ext}`;
    await getFileStorage().put(key, clean.bytes, type.mime);
    screenshot = { key, mime: type.mime };
  }
  return db.$transaction(async (tx) => {
    const row = await tx.feedback.create({ data: { userId, topic, body, screenshotKey: screenshot?.key ?? null, screenshotMime: screenshot?.mime ?? null } });
    await writeAudit(tx, { actorId: userId, action: "feedback.submitted", targetType: "Feedback", targetId: row.id, data: { topic, hasScreenshot: Boolean(screenshot) } });
    return { id: row.id };
  });
}
