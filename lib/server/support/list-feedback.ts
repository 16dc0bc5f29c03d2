import type { Feedback } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import type { FeedbackView } from "./feedback.types";

export function toFeedbackView(f: Feedback, screenshotBase = "/api/feedback"): FeedbackView {
  return {
    id: f.id,
    topic: f.topic,
    body: f.body,
    status: f.status,
    answer: f.answer,
    answeredAt: f.answeredAt?.toISOString() ?? null,
    createdAt: f.createdAt.toISOString(),
    screenshotUrl: f.screenshotKey ? `${screenshotBase}/${f.id}/screenshot` : null,
  };
}

/** 我的反馈: the caller's own feedback and the answers, newest first. */
export async function listMyFeedback({ userId }: { userId: string }): Promise<FeedbackView[]> {
  const rows = await db.feedback.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: 50 });
  return rows.map((f) => toFeedbackView(f));
}
