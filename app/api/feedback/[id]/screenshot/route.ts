import { userRoute } from "@/lib/server/http/user-route";
import { materialResponse } from "@/lib/server/materials/material-response";
import { readFeedbackScreenshot } from "@/lib/server/support/read-feedback-screenshot";

export const dynamic = "force-dynamic";

// GET /api/feedback/[id]/screenshot — the screenshot of the caller's own feedback (re-encoded, inline)
export const GET = userRoute(async ({ user, params }) => materialResponse(await readFeedbackScreenshot({ viewer: user, feedbackId: params.id })));
