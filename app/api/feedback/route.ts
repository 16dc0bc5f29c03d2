import { userRoute } from "@/lib/server/http/user-route";
import { createFeedback } from "@/lib/server/support/create-feedback";
import { MAX_FEEDBACK_SCREENSHOT_BYTES } from "@/lib/server/support/feedback.types";
import { readFeedbackForm } from "@/lib/server/support/read-feedback-form";

export const dynamic = "force-dynamic";

// POST /api/feedback — 我的反馈 (multipart: topic, body, optional file = a JPEG/PNG screenshot)
export const POST = userRoute(
  async ({ user, form }) => {
    const { fields, file } = await readFeedbackForm(form);
    return createFeedback({ userId: user.id, fields, file });
  },
  { accepts: "multipart", maxBody: MAX_FEEDBACK_SCREENSHOT_BYTES + 64 * 1024, tooLargeMessage: "me.feedback.errors.screenshotTooLarge", status: 201 },
);
