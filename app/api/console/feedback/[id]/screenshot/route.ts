import { userRoute } from "@/lib/server/http/user-route";
import { materialResponse } from "@/lib/server/materials/material-response";
import { readFeedbackScreenshot } from "@/lib/server/support/read-feedback-screenshot";

export const dynamic = "force-dynamic";

// GET /api/console/feedback/[id]/screenshot — any feedback's screenshot, for staff who answer feedback (second factor)
export const GET = userRoute(
  async ({ user, params }) => materialResponse(await readFeedbackScreenshot({ viewer: user, feedbackId: params.id, asStaff: true })),
  { permission: "feedback.answer" },
);
