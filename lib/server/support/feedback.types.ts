import { z } from "zod";

export const FEEDBACK_TOPICS = ["CERTIFICATE", "ORDER", "PAYMENT", "APP", "OTHER"] as const;
/** A screenshot may be at most this large (a phone's full-screen PNG is 1–3 MB). */
export const MAX_FEEDBACK_SCREENSHOT_BYTES = 5 * 1024 * 1024;

/** 我的反馈: the text fields of the multipart form (the screenshot is the `file` part). */
export const ZFeedbackSchema = z.object({
  topic: z.enum(FEEDBACK_TOPICS, { error: "me.feedback.errors.bodyLength" }),
  body: z.string().trim().min(10, "me.feedback.errors.bodyLength").max(1000, "me.feedback.errors.bodyLength"),
});
export type TFeedback = z.infer<typeof ZFeedbackSchema>;

/** The console's answer. */
export const ZFeedbackAnswerSchema = z.object({ answer: z.string().trim().min(2, "me.feedback.errors.answerLength").max(1000, "me.feedback.errors.answerLength") });
export type TFeedbackAnswer = z.infer<typeof ZFeedbackAnswerSchema>;

export type FeedbackView = {
  id: string;
  topic: (typeof FEEDBACK_TOPICS)[number];
  body: string;
  status: "OPEN" | "ANSWERED";
  answer: string | null;
  answeredAt: string | null;
  createdAt: string;
  screenshotUrl: string | null;
};
